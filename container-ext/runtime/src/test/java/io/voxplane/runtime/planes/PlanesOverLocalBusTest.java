package io.voxplane.runtime.planes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.NoAppRequestDispatcher;
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
import java.util.List;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Both planes and the local bus in Weld, started by the container lifecycle, answering a real
 * OPTIONS over UDP on loopback: transport -> SipMessageReceived -> signaling -> transaction ->
 * dispatcher -> SendSipResponse -> transport.
 */
@EnableWeld
@Timeout(30)
class PlanesOverLocalBusTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(TransportPlane.class, SignalingPlane.class, LocalBus.class,
            TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, NoAppRequestDispatcher.class);

    @Inject
    TransportPlane transport;

    @Inject
    SignalingPlane signaling;

    @Test
    void optionsOverUdpIsAnsweredWith200ThroughBothPlanes() throws Exception {
        assertEquals(PlaneState.RUNNING, transport.state(), "started by @Initialized(ApplicationScoped)");
        assertEquals(PlaneState.RUNNING, signaling.state());
        InetSocketAddress server = transport.listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();

        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(10_000);
            int clientPort = client.getLocalPort();
            String options = "OPTIONS sip:127.0.0.1:" + server.getPort() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + clientPort + ";branch=z9hG4bK-planes-1\r\n"
                    + "From: <sip:test@127.0.0.1>;tag=t1\r\n"
                    + "To: <sip:127.0.0.1>\r\n"
                    + "Call-ID: planes-1@127.0.0.1\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(bytes, bytes.length, server));
            DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
            client.receive(reply);
            SipResponse response = (SipResponse) SipParser.withDefaults().parse(reply.getData(), 0, reply.getLength());
            assertEquals(200, response.status());
            assertEquals("planes-1@127.0.0.1", response.callId());
            assertTrue(response.header("Allow").isPresent());
        }
    }

    @Test
    void stopClosesSocketsCancelsTasksAndIsIdempotent() throws Exception {
        List<ListenPoint> bound = transport.listenPoints();
        transport.stop();
        signaling.stop();
        transport.stop();

        assertEquals(PlaneState.STOPPED, transport.state());
        assertEquals(PlaneState.STOPPED, signaling.state());
        assertEquals(List.of(), transport.tasks().orElseThrow().leaks(), "transport left work behind");
        assertEquals(List.of(), signaling.tasks().orElseThrow().leaks(), "signaling left work behind");
        for (ListenPoint point : bound) {
            if (point.transport() == TransportType.UDP) {
                // The port is free again: binding it succeeds.
                try (DatagramSocket again = new DatagramSocket(point.address())) {
                    assertEquals(point.address().getPort(), again.getLocalPort());
                }
            }
        }
    }
}
