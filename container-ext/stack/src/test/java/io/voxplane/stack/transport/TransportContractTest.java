package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every transport and address family must do, run once per subclass (UDP and TCP, IPv4 and
 * IPv6) against real loopback sockets.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class TransportContractTest {

    protected final DeliveryQueue delivered = new DeliveryQueue();
    protected SipTransportLayer layer;
    protected InetSocketAddress server;

    abstract TransportType transport();

    abstract InetAddress loopback();

    abstract TestPeer newPeer(InetSocketAddress server) throws Exception;

    /** The I/O mechanism to run on; by default the one the layer selects itself. */
    IoTransport ioTransport() {
        return IoTransport.select(false);
    }

    @BeforeEach
    void startLayer() {
        assumeTrue(!(loopback() instanceof java.net.Inet6Address) || Loopback.ipv6Available(), "::1 cannot be bound here");
        TransportConfig config = TransportConfig.builder()
                .listen(new ListenPoint(transport(), new InetSocketAddress(loopback(), 0)))
                .eventLoopThreads(1)
                .build();
        layer = new SipTransportLayer(config, new TrackingThreadFactory(), delivered, ioTransport());
        layer.start();
        server = layer.boundListenPoints().get(0).address();
    }

    @AfterEach
    void stopLayer() {
        if (layer != null) {
            assertTrue(layer.stop(Duration.ofSeconds(10)));
        }
    }

    @Test
    void requestIsDeliveredWithTheFlowItCameOn() throws Exception {
        try (TestPeer peer = newPeer(server)) {
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test:5070", "", "flow-1")));

            DeliveryQueue.Delivery d = delivered.next();
            SipRequest request = (SipRequest) d.message();
            assertEquals("OPTIONS", request.method());
            assertEquals(transport(), d.flow().transport());
            assertEquals(peer.localAddress(), d.flow().remote());
            assertEquals(server, d.flow().local());
            if (transport().reliable()) {
                assertNotEquals(0, d.flow().connectionId());
            } else {
                assertEquals(0, d.flow().connectionId());
            }
            assertEquals(1, layer.statistics().messagesReceived());
        }
    }

    @Test
    void hostNameSentByGetsReceivedWithTheSourceAddress() throws Exception {
        try (TestPeer peer = newPeer(server)) {
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test:5070", "", "recv-1")));

            Via top = delivered.next().message().topVia();
            assertEquals(IpLiterals.receivedValue(peer.localAddress().getAddress()), top.received().orElseThrow());
            assertTrue(top.rport().isEmpty(), "no rport was asked for");
        }
    }

    @Test
    void sentByEqualToTheSourceGetsNoReceived() throws Exception {
        try (TestPeer peer = newPeer(server)) {
            String sentBy = Loopback.sentBy(peer.localAddress());
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), sentBy, "", "recv-2")));

            Via top = delivered.next().message().topVia();
            assertFalse(top.received().isPresent(), "sent-by matches the source, top Via is " + top);
        }
    }

    @Test
    void emptyRportIsFilledWithTheSourcePortAndReceivedIsAdded() throws Exception {
        try (TestPeer peer = newPeer(server)) {
            String sentBy = Loopback.sentBy(new InetSocketAddress(peer.localAddress().getAddress(), 5070));
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), sentBy, ";rport", "rport-1")));

            Via top = delivered.next().message().topVia();
            assertEquals(peer.localAddress().getPort(), top.rport().orElseThrow());
            assertEquals(IpLiterals.receivedValue(peer.localAddress().getAddress()), top.received().orElseThrow());
        }
    }

    @Test
    void responseReachesThePeerThatSentTheRequest() throws Exception {
        try (TestPeer peer = newPeer(server)) {
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test", ";rport", "resp-1")));
            DeliveryQueue.Delivery d = delivered.next();

            SipResponse ok = SipResponse.replyTo((SipRequest) d.message(), 200).build();
            Flow sentOn = layer.sendResponse(ok, d.flow()).get(10, TimeUnit.SECONDS);

            String reply = peer.receive();
            assertTrue(reply.startsWith("SIP/2.0 200"), reply);
            assertEquals("resp-1", SipTexts.header(reply, "Call-ID"));
            assertEquals(transport(), sentOn.transport());
            assertEquals(peer.localAddress(), sentOn.remote());
        }
    }

    @Test
    void requestSentToThePeerArrivesFromTheListener() throws Exception {
        try (TestPeer peer = newPeer(server)) {
            // Over TCP the layer then reuses the peer's connection instead of connecting to it.
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test", "", "hello")));
            Flow inbound = delivered.next().flow();
            SipRequest request = SipTexts.request(SipTexts.options(transport().viaToken(), Loopback.sentBy(server),
                    ";rport", "outbound"));

            Flow flow = layer.sendRequest(request, new Target(transport(), peer.localAddress())).get(10, TimeUnit.SECONDS);

            assertEquals("outbound", SipTexts.header(peer.receive(), "Call-ID"));
            assertEquals(inbound, flow);
        }
    }

    @Test
    void failingHandlerLosesOnlyItsMessage() throws Exception {
        layer.stop(Duration.ofSeconds(10));
        DeliveryQueue afterFailure = new DeliveryQueue();
        InboundMessageHandler failsOnce = new InboundMessageHandler() {
            private boolean failed;

            @Override
            public void onMessage(io.voxplane.sip.SipMessage message, Flow flow) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("handler bug");
                }
                afterFailure.onMessage(message, flow);
            }
        };
        layer = new SipTransportLayer(TransportConfig.builder()
                .listen(new ListenPoint(transport(), new InetSocketAddress(loopback(), 0)))
                .eventLoopThreads(1)
                .build(), new TrackingThreadFactory(), failsOnce, ioTransport());
        layer.start();
        server = layer.boundListenPoints().get(0).address();
        try (TestPeer peer = newPeer(server)) {
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test", "", "lost")));
            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test", "", "kept")));

            assertEquals("kept", afterFailure.next().message().callId());
            assertEquals(1, layer.statistics().dropped());
        }
    }

    @Test
    void unsupportedVersionIsAnsweredWith505AndTheListenerKeepsServing() throws Exception {
        try (TestPeer peer = newPeer(server)) {
            String bad = SipTexts.options(peer.transportToken(), "client.test", ";rport", "bad-1")
                    .replaceFirst("SIP/2.0\r\n", "SIP/7.0\r\n");
            peer.send(SipTexts.bytes(bad));

            String reply = peer.receive();
            assertTrue(reply.startsWith("SIP/2.0 505"), reply);
            assertEquals("bad-1", SipTexts.header(reply, "Call-ID"));

            peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test", "", "good-1")));
            assertEquals("good-1", delivered.next().message().callId());
            TransportStatistics stats = layer.statistics();
            assertEquals(1, stats.parseErrors());
            assertEquals(1, stats.answeredWithError());
            assertEquals(1, stats.messagesReceived());
        }
    }
}
