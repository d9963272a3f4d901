package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TCP specifics: framing (s18.3), connection reuse, responses on the request's connection (s18.2.2), idle close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpTransportTest {

    private final DeliveryQueue delivered = new DeliveryQueue();
    private SipTransportLayer layer;
    private InetSocketAddress tcp;

    private void start(TransportConfig.Builder config) {
        layer = new SipTransportLayer(config
                .listen(ListenPoint.tcp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .eventLoopThreads(1)
                .build(), new TrackingThreadFactory(), delivered);
        layer.start();
        tcp = layer.boundListenPoints().get(0).address();
    }

    private void start() {
        start(TransportConfig.builder());
    }

    @AfterEach
    void stop() {
        if (layer != null) {
            assertTrue(layer.stop(Duration.ofSeconds(10)));
        }
    }

    @Test
    void messageWrittenOneByteAtATimeIsFramedWhole() throws Exception {
        start();
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            peer.sendByteByByte(SipTexts.bytes(SipTexts.message("TCP", "client.test", "bytewise", 40)));
            peer.sendByteByByte(SipTexts.bytes(SipTexts.options("TCP", "client.test", "", "next")));

            DeliveryQueue.Delivery d = delivered.next();
            assertEquals("bytewise", d.message().callId());
            assertEquals("x".repeat(40), new String(d.message().body(), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("next", delivered.next().message().callId());
        }
    }

    @Test
    void twoMessagesInOneSegmentAreBothDelivered() throws Exception {
        start();
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            peer.send(SipTexts.bytes("\r\n\r\n" + SipTexts.options("TCP", "client.test", "", "one")
                    + SipTexts.options("TCP", "client.test", "", "two")));

            assertEquals("one", delivered.next().message().callId());
            assertEquals("two", delivered.next().message().callId());
        }
    }

    @Test
    void twoRequestsToOneTargetShareOneConnection() throws Exception {
        start();
        try (ServerSocket nextHop = new ServerSocket()) {
            nextHop.bind(new InetSocketAddress(Loopback.ipv4(), 0));
            nextHop.setSoTimeout(TestPeer.RECEIVE_TIMEOUT_MILLIS);
            Target target = new Target(TransportType.TCP, (InetSocketAddress) nextHop.getLocalSocketAddress());

            var first = layer.sendRequest(SipTexts.request(SipTexts.options("TCP", "voxplane.test", "", "r1")), target);
            var second = layer.sendRequest(SipTexts.request(SipTexts.options("TCP", "voxplane.test", "", "r2")), target);

            try (TcpTestPeer accepted = new TcpTestPeer(nextHop.accept())) {
                assertEquals("r1", SipTexts.header(accepted.receive(), "Call-ID"));
                assertEquals("r2", SipTexts.header(accepted.receive(), "Call-ID"));
                Flow f1 = first.get(10, TimeUnit.SECONDS);
                Flow f2 = second.get(10, TimeUnit.SECONDS);
                assertEquals(f1, f2);
                assertEquals(accepted.localAddress(), f1.remote());
            }
            assertEquals(1, layer.statistics().connectionsOpened());
        }
    }

    @Test
    void concurrentSendsToANewTargetShareOneConnectionAndKeepEachSendersOrder() throws Exception {
        start();
        int senders = 4;
        int perSender = 50;
        try (ServerSocket nextHop = new ServerSocket()) {
            nextHop.bind(new InetSocketAddress(Loopback.ipv4(), 0));
            nextHop.setSoTimeout(TestPeer.RECEIVE_TIMEOUT_MILLIS);
            Target target = new Target(TransportType.TCP, (InetSocketAddress) nextHop.getLocalSocketAddress());
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int s = 0; s < senders; s++) {
                    int sender = s;
                    done.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < perSender; i++) {
                            layer.sendRequest(SipTexts.request(SipTexts.options("TCP", "voxplane.test", "",
                                    "s" + sender + "-" + i)), target);
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (var f : done) {
                    f.get(10, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            try (TcpTestPeer accepted = new TcpTestPeer(nextHop.accept())) {
                int[] next = new int[senders];
                for (int n = 0; n < senders * perSender; n++) {
                    String[] id = SipTexts.header(accepted.receive(), "Call-ID").substring(1).split("-");
                    int sender = Integer.parseInt(id[0]);
                    assertEquals(next[sender]++, Integer.parseInt(id[1]), "order of sender " + sender);
                }
            }
            assertEquals(1, layer.statistics().connectionsOpened());
        }
    }

    @Test
    void requestToAPeerThatConnectedUsesItsConnection() throws Exception {
        start();
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            peer.send(SipTexts.bytes(SipTexts.options("TCP", "client.test", "", "hello")));
            Flow inbound = delivered.next().flow();

            Flow outbound = layer.sendRequest(SipTexts.request(SipTexts.options("TCP", "voxplane.test", "", "back")),
                    new Target(TransportType.TCP, peer.localAddress())).get(10, TimeUnit.SECONDS);

            assertEquals("back", SipTexts.header(peer.receive(), "Call-ID"));
            assertEquals(inbound, outbound);
            assertEquals(1, layer.statistics().connectionsOpened());
        }
    }

    @Test
    void responseAfterItsConnectionClosedGoesOnANewConnectionToTheSentBy() throws Exception {
        start();
        try (ServerSocket client = new ServerSocket()) {
            client.bind(new InetSocketAddress(Loopback.ipv4(), 0));
            client.setSoTimeout(TestPeer.RECEIVE_TIMEOUT_MILLIS);
            TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp);
            String sentBy = Loopback.sentBy((InetSocketAddress) client.getLocalSocketAddress());
            peer.send(SipTexts.bytes(SipTexts.options("TCP", sentBy, "", "reconnect")));
            DeliveryQueue.Delivery d = delivered.next();
            peer.close();
            Await.until("the transport sees the connection closed", () -> layer.statistics().connectionsClosed() == 1);

            var sent = layer.sendResponse(SipResponse.replyTo((SipRequest) d.message(), 200).build(), d.flow());

            try (TcpTestPeer accepted = new TcpTestPeer(client.accept())) {
                assertTrue(accepted.receive().startsWith("SIP/2.0 200"));
                assertEquals(client.getLocalSocketAddress(), sent.get(10, TimeUnit.SECONDS).remote());
            }
        }
    }

    @Test
    void idleConnectionIsClosed() throws Exception {
        start(TransportConfig.builder().tcpIdleTimeout(Duration.ofMillis(200)));
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            peer.send(SipTexts.bytes(SipTexts.options("TCP", "client.test", "", "then-silence")));
            delivered.next();

            assertTrue(peer.closedByServer(), "the server should close an idle connection");
        }
    }

    @Test
    void negativeContentLengthIsAnsweredThenTheConnectionIsClosed() throws Exception {
        start();
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            String bad = SipTexts.options("TCP", "client.test", "", "ncl").replace("Content-Length: 0", "Content-Length: -999");
            peer.send(SipTexts.bytes(bad));

            String reply = peer.receive();
            assertTrue(reply.startsWith("SIP/2.0 400"), reply);
            assertTrue(peer.closedByServer(), "framing is lost, the connection must be closed");
            assertEquals(1, layer.statistics().parseErrors());
        }
    }

    @Test
    void badMessageAfterAGoodOneInTheSameSegmentIsAnsweredForItself() throws Exception {
        start();
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            String good = SipTexts.options("TCP", "client.test", "", "good");
            String bad = SipTexts.options("TCP", "client.test", "", "bad").replace("Content-Length: 0", "Content-Length: 0\r\nContent-Length: 5");
            peer.send(SipTexts.bytes(good + bad));

            assertEquals("good", delivered.next().message().callId());
            String reply = peer.receive();
            assertTrue(reply.startsWith("SIP/2.0 400 "), reply);
            assertEquals("bad", SipTexts.header(reply, "Call-ID"));
            assertTrue(peer.closedByServer());
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        start(TransportConfig.builder().maxConnections(1));
        try (TcpTestPeer first = TcpTestPeer.connect(Loopback.ipv4(), tcp);
             TcpTestPeer second = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            first.send(SipTexts.bytes(SipTexts.options("TCP", "client.test", "", "first")));
            assertEquals("first", delivered.next().message().callId());

            assertTrue(second.closedByServer());
            assertEquals(1, layer.statistics().connectionsRejected());
        }
    }

    @Test
    void unresolvedTargetFailsWithoutALookup() throws Exception {
        start();
        var sent = layer.sendRequest(SipTexts.request(SipTexts.options("TCP", "voxplane.test", "", "unresolved")),
                new Target(TransportType.TCP, InetSocketAddress.createUnresolved("peer.test", 5060)));

        ExecutionException e = assertThrows(ExecutionException.class, () -> sent.get(10, TimeUnit.SECONDS));
        assertEquals(TransportErrorCode.UNRESOLVED_TARGET, ((TransportException) e.getCause()).errorCode());
    }

    @Test
    void refusedConnectFailsTheSendWithATransportException() throws Exception {
        start();
        InetSocketAddress closedPort;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(Loopback.ipv4(), 0));
            closedPort = (InetSocketAddress) probe.getLocalSocketAddress();
        }

        var sent = layer.sendRequest(SipTexts.request(SipTexts.options("TCP", "voxplane.test", "", "nobody")),
                new Target(TransportType.TCP, closedPort));

        ExecutionException e = assertThrows(ExecutionException.class, () -> sent.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TransportException.class, e.getCause());
        assertEquals(TransportErrorCode.CONNECT_FAILED, ((TransportException) e.getCause()).errorCode());
        assertTrue(e.getCause().getMessage().startsWith("[VXTRN-003] cannot connect to 127.0.0.1:"), e.getCause().getMessage());
        assertEquals(1, layer.statistics().sendFailures());
    }
}
