package io.voxplane.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.media.MediaPhone;
import io.voxplane.runtime.media.MediaPlane;
import io.voxplane.runtime.media.MediaSettings;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo app in Weld with all three planes over real UDP: a Java phone calls, hears every packet
 * back, presses keys, and reads the counters from the app's INFO answer.
 */
@Timeout(60)
class EchoApplicationTest {

    /** Media on loopback with a quality report every 100 ms, so the INFO answer is current. */
    @ApplicationScoped
    public static class FastReports {
        @Produces
        @Singleton
        MediaSettings settings() {
            return MediaSettings.from(ConfigLookup.of(Map.of(MediaSettings.ADDRESS, "127.0.0.1",
                    MediaSettings.RTP_PORT_MIN, "42000", MediaSettings.RTP_PORT_MAX, "42999",
                    MediaSettings.QUALITY_REPORT_INTERVAL, "100")));
        }
    }

    private WeldContainer container;
    private MediaPhone phone;

    @BeforeEach
    void start() throws Exception {
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, MediaPlane.class, LocalBus.class,
                        TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, FastReports.class,
                        AppRequestDispatcher.class, EchoApplication.class)
                .initialize();
        InetSocketAddress server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        phone = new MediaPhone(server);
    }

    @AfterEach
    void stop() {
        phone.close();
        container.close();
    }

    @Test
    void callerHearsEveryPacketBackAndInfoReportsCountersAndDigits() throws Exception {
        SipResponse ok = phone.invite("echo", phone.pcmuOffer());
        assertEquals(200, ok.status());
        phone.ack();
        for (int i = 0; i < 20; i++) {
            byte[] payload = new byte[160];
            payload[0] = (byte) i;
            payload[159] = (byte) (255 - i);
            phone.sendRtp(0, payload, i == 0);
            MediaPhone.Rtp back = phone.receiveRtp();
            assertNotNull(back, "echo of packet " + i);
            assertArrayEquals(payload, back.payload());
        }
        phone.sendDigit(101, '4');
        phone.sendDigit(101, '2');
        MediaPlane media = container.select(MediaPlane.class).get();
        Await.until(() -> media.statistics(phone.callId()).orElseThrow().digits() == 2, Duration.ofSeconds(10),
                "both digits at the media plane");
        String[] body = new String[1];
        Await.until(() -> {
            try {
                SipResponse info = phone.inDialog("INFO");
                body[0] = new String(info.body(), StandardCharsets.UTF_8);
                return body[0].startsWith("received=32 sent=20 digits=42 ");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, Duration.ofSeconds(10), "INFO answer with 20 audio + 12 telephone-event packets received, 20 echoed");
        assertTrue(body[0].matches("received=32 sent=20 digits=42 mos=4\\.\\d\\d"), body[0]);
        assertEquals(200, phone.bye().status());
    }
}
