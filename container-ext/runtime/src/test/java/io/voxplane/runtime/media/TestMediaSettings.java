package io.voxplane.runtime.media;

import io.voxplane.runtime.config.ConfigLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/** Media settings for weld tests: RTP on loopback, one event loop, RTCP every few seconds. */
@ApplicationScoped
public class TestMediaSettings {

    @Produces
    @Singleton
    MediaSettings settings() {
        return MediaSettings.from(ConfigLookup.of(Map.of(
                MediaSettings.ADDRESS, "127.0.0.1",
                MediaSettings.RTP_PORT_MIN, "40000",
                MediaSettings.RTP_PORT_MAX, "40999")));
    }
}
