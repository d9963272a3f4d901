package io.voxplane.runtime.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.session.MediaConfig;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Media keys: defaults, the SDP address rules, and a coded error naming each bad key. */
class MediaSettingsTest {

    private static MediaSettings of(Map<String, String> values) {
        return MediaSettings.from(ConfigLookup.of(values));
    }

    private static void refused(String key, Map<String, String> values) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> of(values));
        assertTrue(e.getMessage().contains("VXCFG-001") && e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void defaultsAreLoopbackThePortRange20msAndTheEngineDefaults() {
        MediaSettings s = MediaSettings.defaults();
        assertEquals("127.0.0.1", s.sdpAddress());
        assertEquals(20, s.ptimeMillis());
        assertEquals(20000, s.engine().rtpPortMin());
        assertEquals(29999, s.engine().rtpPortMax());
        assertEquals(Duration.ofSeconds(30), s.engine().inactivityTimeout());
        assertEquals(MediaConfig.DEFAULT_QUALITY_REPORT_INTERVAL, s.engine().qualityReportInterval());
        assertEquals(MediaSettings.DEFAULT_EVENT_LOOP_THREADS, s.engine().eventLoopThreads());
    }

    @Test
    void theSdpAddressFollowsASpecificSipHostButNotAWildcard() {
        assertEquals("192.0.2.10", of(Map.of("voxplane.sip.host", "192.0.2.10")).sdpAddress());
        assertEquals("127.0.0.1", of(Map.of("voxplane.sip.host", "0.0.0.0")).sdpAddress());
        assertEquals("198.51.100.7", of(Map.of("voxplane.sip.host", "192.0.2.10",
                MediaSettings.ADDRESS, "198.51.100.7")).sdpAddress());
    }

    @Test
    void durationsInMillisecondsOrIso8601() {
        MediaSettings s = of(Map.of(MediaSettings.INACTIVITY_TIMEOUT, "1500",
                MediaSettings.QUALITY_REPORT_INTERVAL, "PT2S"));
        assertEquals(Duration.ofMillis(1500), s.engine().inactivityTimeout());
        assertEquals(Duration.ofSeconds(2), s.engine().qualityReportInterval());
    }

    @Test
    void badValuesFailNamingTheirKey() {
        refused(MediaSettings.ADDRESS, Map.of(MediaSettings.ADDRESS, "0.0.0.0"));
        refused(MediaSettings.ADDRESS, Map.of(MediaSettings.ADDRESS, "media.example.com"));
        refused(MediaSettings.PTIME, Map.of(MediaSettings.PTIME, "25"));
        refused(MediaSettings.RTP_PORT_MAX, Map.of(MediaSettings.RTP_PORT_MIN, "30000", MediaSettings.RTP_PORT_MAX,
                "30001"));
        refused(MediaSettings.RTP_PORT_MIN, Map.of(MediaSettings.RTP_PORT_MIN, "80"));
        refused(MediaSettings.INACTIVITY_TIMEOUT, Map.of(MediaSettings.INACTIVITY_TIMEOUT, "soon"));
        refused(MediaSettings.QUALITY_REPORT_INTERVAL, Map.of(MediaSettings.QUALITY_REPORT_INTERVAL, "0"));
    }
}
