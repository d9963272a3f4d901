package io.voxplane.runtime.planes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
import io.voxplane.runtime.Plane;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import jakarta.inject.Inject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Overload at the edge (issue 5 item 4): when the signaling queue is full
 * ({@code voxplane.bus.max-in-flight}), the transport plane answers new requests itself with 503
 * and Retry-After instead of dropping them; once signaling catches up, the held requests get
 * their answers and new requests are served again.
 */
@EnableWeld
@Timeout(60)
class SaturatedSignalingTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(TransportPlane.class, SignalingPlane.class, LocalBus.class,
            TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, GatedDispatcher.class);

    @Inject
    TransportPlane transport;

    @Inject
    GatedDispatcher dispatcher;

    @Inject
    LocalBus bus;

    @Test
    void fullSignalingQueueGets503WithRetryAfterFromTheTransportAndRecoversWhenLoadFalls() throws Exception {
        InetSocketAddress server = transport.listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        int requests = TestSettings.MAX_IN_FLIGHT + 4;
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(15_000);
            for (int i = 0; i < requests; i++) {
                byte[] bytes = options(server.getPort(), client.getLocalPort(), i);
                client.send(new DatagramPacket(bytes, bytes.length, server));
                if (i == TestSettings.MAX_IN_FLIGHT - 1) {
                    // Let the first ones reach the queue before the overflow arrives.
                    Await.until(
                            () -> bus.statistics(Plane.SIGNALING).inFlight() == TestSettings.MAX_IN_FLIGHT,
                            Duration.ofSeconds(10), "signaling queue full");
                }
            }
            Map<Integer, Integer> byStatus = new HashMap<>();
            for (int i = 0; i < requests - TestSettings.MAX_IN_FLIGHT; i++) {
                SipResponse response = receive(client);
                byStatus.merge(response.status(), 1, Integer::sum);
                assertEquals(503, response.status());
                assertEquals("1", response.header("Retry-After").orElse(""));
            }
            dispatcher.open();
            for (int i = 0; i < TestSettings.MAX_IN_FLIGHT; i++) {
                byStatus.merge(receive(client).status(), 1, Integer::sum);
            }
            assertEquals(Map.of(503, requests - TestSettings.MAX_IN_FLIGHT, 200, TestSettings.MAX_IN_FLIGHT), byStatus);
            assertTrue(bus.statistics(Plane.SIGNALING).rejected() >= requests - TestSettings.MAX_IN_FLIGHT);

            // Recovery: once the queue has drained, a full bound's worth of new requests is served again.
            Await.until(() -> bus.statistics(Plane.SIGNALING).inFlight() == 0, Duration.ofSeconds(10),
                    "signaling queue drained");
            long rejectedBefore = bus.statistics(Plane.SIGNALING).rejected();
            for (int i = 0; i < TestSettings.MAX_IN_FLIGHT; i++) {
                byte[] bytes = options(server.getPort(), client.getLocalPort(), requests + i);
                client.send(new DatagramPacket(bytes, bytes.length, server));
                assertEquals(200, receive(client).status(), "request " + i + " after the overload");
            }
            assertEquals(rejectedBefore, bus.statistics(Plane.SIGNALING).rejected());
        }
    }

    private static SipResponse receive(DatagramSocket client) throws Exception {
        DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
        client.receive(reply);
        return (SipResponse) SipParser.withDefaults().parse(reply.getData(), 0, reply.getLength());
    }

    private static byte[] options(int serverPort, int clientPort, int n) {
        String text = "OPTIONS sip:127.0.0.1:" + serverPort + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + clientPort + ";branch=z9hG4bK-busy-" + n + "\r\n"
                + "From: <sip:test@127.0.0.1>;tag=b" + n + "\r\n"
                + "To: <sip:127.0.0.1>\r\n"
                + "Call-ID: busy-" + n + "@127.0.0.1\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
