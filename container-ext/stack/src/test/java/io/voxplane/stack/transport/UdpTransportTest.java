package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** UDP specifics: response routing by Via (s18.2.2, RFC 3581), sending, and the switch to TCP (s18.1.1). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpTransportTest {

    private final DeliveryQueue delivered = new DeliveryQueue();
    private SipTransportLayer layer;
    private InetSocketAddress udp;

    @BeforeEach
    void start() {
        TransportConfig config = TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)),
                        ListenPoint.tcp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .eventLoopThreads(1)
                .build();
        layer = new SipTransportLayer(config, new TrackingThreadFactory(), delivered);
        layer.start();
        udp = layer.boundListenPoints().get(0).address();
    }

    @AfterEach
    void stop() {
        assertTrue(layer.stop(Duration.ofSeconds(10)));
    }

    @Test
    void responseWithoutRportGoesToTheSentByPort() throws Exception {
        try (UdpTestPeer sender = new UdpTestPeer(Loopback.ipv4(), udp);
             UdpTestPeer viaPort = new UdpTestPeer(Loopback.ipv4(), udp)) {
            String sentBy = Loopback.sentBy(viaPort.localAddress());
            sender.send(SipTexts.bytes(SipTexts.options("UDP", sentBy, "", "via-port")));
            DeliveryQueue.Delivery d = delivered.next();

            layer.sendResponse(SipResponse.replyTo((SipRequest) d.message(), 200).build(), d.flow())
                    .get(10, TimeUnit.SECONDS);

            DatagramPacket reply = viaPort.receivePacket();
            assertEquals(udp, reply.getSocketAddress(), "the response leaves from the listener the request came to");
            assertTrue(text(reply).startsWith("SIP/2.0 200"));
        }
    }

    @Test
    void responseToAHostNameSentByGoesToReceivedAtTheSentByPort() throws Exception {
        try (UdpTestPeer sender = new UdpTestPeer(Loopback.ipv4(), udp);
             UdpTestPeer viaPort = new UdpTestPeer(Loopback.ipv4(), udp)) {
            String sentBy = "client.test:" + viaPort.localAddress().getPort();
            sender.send(SipTexts.bytes(SipTexts.options("UDP", sentBy, "", "via-name")));
            DeliveryQueue.Delivery d = delivered.next();

            Flow flow = layer.sendResponse(SipResponse.replyTo((SipRequest) d.message(), 486).build(), d.flow())
                    .get(10, TimeUnit.SECONDS);

            assertTrue(viaPort.receive().startsWith("SIP/2.0 486"));
            assertEquals(viaPort.localAddress(), flow.remote());
        }
    }

    @Test
    void requestIsSentAsOneDatagramToTheTarget() throws Exception {
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            SipRequest request = SipTexts.request(SipTexts.options("UDP", Loopback.sentBy(udp), ";rport", "out-1"));

            Flow flow = layer.sendRequest(request, new Target(TransportType.UDP, peer.localAddress()))
                    .get(10, TimeUnit.SECONDS);

            DatagramPacket packet = peer.receivePacket();
            assertEquals(udp, packet.getSocketAddress());
            assertEquals("out-1", SipTexts.header(text(packet), "Call-ID"));
            assertEquals(new Flow(TransportType.UDP, udp, peer.localAddress(), 0), flow);
            assertEquals(1, layer.statistics().messagesSent());
        }
    }

    @Test
    void requestLargerThanTheUdpThresholdIsSentOverTcpWithItsViaChanged() throws Exception {
        try (ServerSocket nextHop = new ServerSocket()) {
            nextHop.bind(new InetSocketAddress(Loopback.ipv4(), 0));
            nextHop.setSoTimeout(TestPeer.RECEIVE_TIMEOUT_MILLIS);
            SipRequest large = SipTexts.request(SipTexts.message("UDP", Loopback.sentBy(udp), "big-1", 1500));
            InetSocketAddress target = (InetSocketAddress) nextHop.getLocalSocketAddress();

            var sent = layer.sendRequest(large, new Target(TransportType.UDP, target));

            try (TcpTestPeer accepted = new TcpTestPeer(nextHop.accept())) {
                String received = accepted.receive();
                assertTrue(SipTexts.header(received, "Via").startsWith("SIP/2.0/TCP "), received);
                assertEquals("big-1", SipTexts.header(received, "Call-ID"));
                Flow flow = sent.get(10, TimeUnit.SECONDS);
                assertEquals(TransportType.TCP, flow.transport());
                assertEquals(target, flow.remote());
            }
            assertEquals(1, layer.statistics().switchedToTcp());
        }
    }

    @Test
    void largeRequestStaysOnUdpWhenTheCallerKeepsTheTransport() throws Exception {
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            SipRequest large = SipTexts.request(SipTexts.message("UDP", Loopback.sentBy(udp), "big-2", 1500));

            Flow flow = layer.sendRequest(large, new Target(TransportType.UDP, peer.localAddress()), true)
                    .get(10, TimeUnit.SECONDS);

            assertEquals(TransportType.UDP, flow.transport());
            String received = peer.receive();
            assertTrue(SipTexts.header(received, "Via").startsWith("SIP/2.0/UDP "), received);
            assertEquals(0, layer.statistics().switchedToTcp());
        }
    }

    @Test
    void keepAliveDatagramsAreIgnored() throws Exception {
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            peer.send(SipTexts.bytes("\r\n\r\n"));
            peer.send(SipTexts.bytes(SipTexts.options("UDP", "client.test", "", "after-ka")));

            assertEquals("after-ka", delivered.next().message().callId());
            assertEquals(0, layer.statistics().parseErrors());
            assertEquals(0, layer.statistics().dropped());
        }
    }

    @Test
    void trailingBytesAfterTheBodyAreIgnored() throws Exception {
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            String twice = SipTexts.options("UDP", "client.test", "", "first")
                    + SipTexts.options("UDP", "client.test", "", "second");
            peer.send(SipTexts.bytes(twice));
            peer.send(SipTexts.bytes(SipTexts.options("UDP", "client.test", "", "third")));

            assertEquals("first", delivered.next().message().callId());
            assertEquals("third", delivered.next().message().callId());
        }
    }

    @Test
    void garbageIsDroppedAndCountedAndTheListenerKeepsServing() throws Exception {
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            peer.send(new byte[] {0, 1, 2, 3, 'x', '\r', '\n', '\r', '\n'});
            peer.send(SipTexts.bytes(SipTexts.options("UDP", "client.test", "", "alive")));

            assertEquals("alive", delivered.next().message().callId());
            TransportStatistics stats = layer.statistics();
            assertEquals(1, stats.parseErrors());
            assertEquals(1, stats.dropped());
            assertEquals(0, stats.answeredWithError());
        }
    }

    @Test
    void responsesAreDeliveredWhateverTheirViaByDefault() throws Exception {
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            peer.send(SipTexts.bytes(response("SIP/2.0/UDP elsewhere.test:5060;branch=z9hG4bK-x", "stray")));

            assertEquals("stray", delivered.next().message().callId());
        }
    }

    @Test
    void responsesNotForUsAreDiscardedWhenConfigured() throws Exception {
        layer.stop(Duration.ofSeconds(10));
        layer = new SipTransportLayer(TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .discardUnmatchedResponses(true)
                .sentByHost("sip.voxplane.test")
                .eventLoopThreads(1)
                .build(), new TrackingThreadFactory(), delivered);
        layer.start();
        udp = layer.boundListenPoints().get(0).address();
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            peer.send(SipTexts.bytes(response("SIP/2.0/UDP elsewhere.test:5060;branch=z9hG4bK-x", "stray")));
            peer.send(SipTexts.bytes(response("SIP/2.0/UDP " + Loopback.sentBy(udp) + ";branch=z9hG4bK-y", "ours-1")));
            peer.send(SipTexts.bytes(response("SIP/2.0/UDP sip.voxplane.test:" + udp.getPort() + ";branch=z9hG4bK-z",
                    "ours-2")));

            assertEquals("ours-1", delivered.next().message().callId());
            assertEquals("ours-2", delivered.next().message().callId());
            assertEquals(1, layer.statistics().dropped());
        }
    }

    @Test
    void reusePortListenerServesManyPeersFromEveryLoopAndFreesItsPort() throws Exception {
        layer.stop(Duration.ofSeconds(10));
        TrackingThreadFactory threads = new TrackingThreadFactory();
        java.util.Set<String> deliveringThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        layer = new SipTransportLayer(TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .udpReusePort(true)
                .eventLoopThreads(2)
                .build(), threads, (message, flow) -> {
                    deliveringThreads.add(Thread.currentThread().getName());
                    delivered.onMessage(message, flow);
                });
        layer.start();
        udp = layer.boundListenPoints().get(0).address();
        int peers = 32;
        for (int i = 0; i < peers; i++) {
            try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
                peer.send(SipTexts.bytes(SipTexts.options("UDP", "client.test", ";rport", "peer-" + i)));
                DeliveryQueue.Delivery d = delivered.next();
                assertEquals("peer-" + i, d.message().callId());
                assertEquals(udp, d.flow().local());
                layer.sendResponse(SipResponse.replyTo((SipRequest) d.message(), 200).build(), d.flow())
                        .get(10, TimeUnit.SECONDS);
                DatagramPacket reply = peer.receivePacket();
                assertEquals(udp, reply.getSocketAddress());
            }
        }
        if (layer.ioTransport() == IoTransport.EPOLL) {
            // 32 source ports hashed over two sockets: both loops read (a 2^-31 chance of all on one).
            assertEquals(2, deliveringThreads.size(), deliveringThreads.toString());
        }

        assertTrue(layer.stop(Duration.ofSeconds(10)));
        assertTrue(threads.awaitAllEnded(Duration.ofSeconds(10)));
        try (java.net.DatagramSocket rebind = new java.net.DatagramSocket(udp)) {
            assertEquals(udp, rebind.getLocalSocketAddress());
        }
    }

    @Test
    void requestOverTheSizeLimitIsAnsweredWith413() throws Exception {
        layer.stop(Duration.ofSeconds(10));
        layer = new SipTransportLayer(TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .sipLimits(io.voxplane.sip.SipLimits.defaults().withMaxMessageSize(2000))
                .eventLoopThreads(1)
                .build(), new TrackingThreadFactory(), delivered);
        layer.start();
        udp = layer.boundListenPoints().get(0).address();
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            peer.send(SipTexts.bytes(SipTexts.message("UDP", "client.test", "too-big", 3000)));

            String reply = peer.receive();
            assertTrue(reply.startsWith("SIP/2.0 413 "), reply);
            peer.send(SipTexts.bytes(SipTexts.options("UDP", "client.test", "", "small")));
            assertEquals("small", delivered.next().message().callId());
        }
    }

    private static String response(String via, String callId) {
        return "SIP/2.0 200 OK\r\n"
                + "Via: " + via + "\r\n"
                + "From: <sip:alice@client.test>;tag=a1\r\n"
                + "To: <sip:bob@peer.test>;tag=b1\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
    }

    static String text(DatagramPacket packet) {
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }
}
