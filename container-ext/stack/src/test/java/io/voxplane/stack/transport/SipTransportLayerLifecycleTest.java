package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import io.netty.util.internal.InternalThreadLocalMap;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** start/stop: binding, the threads of the given factory, idempotence, and what stop leaves behind. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SipTransportLayerLifecycleTest {

    private static TransportConfig.Builder allListeners() {
        TransportConfig.Builder config = TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)),
                        ListenPoint.tcp(new InetSocketAddress(Loopback.ipv4(), 0)));
        if (Loopback.ipv6Available()) {
            config.listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv6(), 0)),
                    ListenPoint.tcp(new InetSocketAddress(Loopback.ipv6(), 0)));
        }
        return config;
    }

    @Test
    void startBindsFreePortsAndReportsThem() {
        TransportConfig config = allListeners().build();
        SipTransportLayer layer = new SipTransportLayer(config, new TrackingThreadFactory(), new DeliveryQueue());
        assertEquals(List.of(), layer.boundListenPoints());

        layer.start();
        try {
            List<ListenPoint> bound = layer.boundListenPoints();
            assertEquals(config.listenPoints().size(), bound.size());
            for (int i = 0; i < bound.size(); i++) {
                assertEquals(config.listenPoints().get(i).transport(), bound.get(i).transport());
                assertEquals(config.listenPoints().get(i).address().getAddress(), bound.get(i).address().getAddress());
                assertNotEquals(0, bound.get(i).address().getPort());
            }
            assertTrue(layer.isRunning());
        } finally {
            layer.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void stopEndsEveryThreadOfTheFactoryAndFreesThePorts() throws Exception {
        TrackingThreadFactory threads = new TrackingThreadFactory();
        DeliveryQueue delivered = new DeliveryQueue();
        SipTransportLayer layer = new SipTransportLayer(allListeners().eventLoopThreads(2).build(), threads, delivered);
        layer.start();
        List<ListenPoint> bound = layer.boundListenPoints();
        // Traffic on every listener, so that every event loop has run something and a TCP connection is open.
        for (ListenPoint point : bound) {
            try (TestPeer peer = point.transport() == TransportType.UDP
                    ? new UdpTestPeer(point.address().getAddress(), point.address())
                    : TcpTestPeer.connect(point.address().getAddress(), point.address())) {
                peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test", "", "t-" + point)));
                delivered.next();
            }
        }
        assertFalse(threads.threads().isEmpty(), "event loop threads come from the given factory");

        assertTrue(layer.stop(Duration.ofSeconds(10)));

        assertTrue(threads.awaitAllEnded(Duration.ofSeconds(10)), "threads still alive: " + threads.threads());
        assertFalse(layer.isRunning());
        for (ListenPoint point : bound) {
            if (point.transport() == TransportType.UDP) {
                try (DatagramSocket rebind = new DatagramSocket(point.address())) {
                    assertEquals(point.address(), rebind.getLocalSocketAddress());
                }
            } else {
                try (ServerSocket rebind = new ServerSocket()) {
                    rebind.setReuseAddress(true);
                    rebind.bind(point.address());
                    assertEquals(point.address(), rebind.getLocalSocketAddress());
                }
            }
        }
    }

    /** In a container the caller is a container thread that outlives the deployment. */
    @Test
    void startAndStopLeaveNoNettyThreadStateOnTheCallersThread() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            SipTransportLayer layer = caller.submit(() -> new SipTransportLayer(allListeners().build(),
                    new TrackingThreadFactory(), new DeliveryQueue())).get(20, TimeUnit.SECONDS);
            boolean cleanAfterConstruction = caller.submit(() -> InternalThreadLocalMap.getIfSet() == null)
                    .get(20, TimeUnit.SECONDS);
            boolean cleanAfterStart = caller.submit(() -> {
                layer.start();
                return InternalThreadLocalMap.getIfSet() == null;
            }).get(20, TimeUnit.SECONDS);
            boolean cleanAfterStop = caller.submit(() -> {
                layer.stop(Duration.ofSeconds(10));
                return InternalThreadLocalMap.getIfSet() == null;
            }).get(20, TimeUnit.SECONDS);
            assertTrue(cleanAfterConstruction, "Netty's InternalThreadLocalMap left on the thread that made the layer");
            assertTrue(cleanAfterStart, "Netty's InternalThreadLocalMap left on the thread that called start()");
            assertTrue(cleanAfterStop, "Netty's InternalThreadLocalMap left on the thread that called stop()");
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void stopIsIdempotentAndWorksBeforeStart() {
        SipTransportLayer never = new SipTransportLayer(allListeners().build(), new TrackingThreadFactory(), new DeliveryQueue());
        assertTrue(never.stop(Duration.ofSeconds(1)));

        SipTransportLayer layer = new SipTransportLayer(allListeners().build(), new TrackingThreadFactory(), new DeliveryQueue());
        layer.start();
        assertTrue(layer.stop(Duration.ofSeconds(10)));
        assertTrue(layer.stop(Duration.ofSeconds(10)));
    }

    @Test
    void startTwiceOrAfterStopIsRejected() {
        SipTransportLayer layer = new SipTransportLayer(allListeners().build(), new TrackingThreadFactory(), new DeliveryQueue());
        layer.start();
        try {
            assertThrows(IllegalStateException.class, layer::start);
        } finally {
            layer.stop(Duration.ofSeconds(10));
        }
        assertThrows(IllegalStateException.class, layer::start);
    }

    @Test
    void sendAfterStopFailsWithATransportException() throws Exception {
        SipTransportLayer layer = new SipTransportLayer(allListeners().build(), new TrackingThreadFactory(), new DeliveryQueue());
        layer.start();
        layer.stop(Duration.ofSeconds(10));

        var sent = layer.sendRequest(SipTexts.request(SipTexts.options("UDP", "voxplane.test", "", "late")),
                new Target(TransportType.UDP, new InetSocketAddress(Loopback.ipv4(), 5060)));

        ExecutionException e = assertThrows(ExecutionException.class, () -> sent.get(10, TimeUnit.SECONDS));
        assertInstanceOf(TransportException.class, e.getCause());
        assertEquals(TransportErrorCode.NOT_RUNNING, ((TransportException) e.getCause()).errorCode());
    }

    @Test
    void portInUseFailsStartWithATransportExceptionAndLeavesNoThreads() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(Loopback.ipv4(), 0));
            TrackingThreadFactory threads = new TrackingThreadFactory();
            TransportConfig config = TransportConfig.builder()
                    .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)),
                            ListenPoint.tcp((InetSocketAddress) taken.getLocalSocketAddress()))
                    .build();
            SipTransportLayer layer = new SipTransportLayer(config, threads, new DeliveryQueue());

            TransportException e = assertThrows(TransportException.class, layer::start);

            assertEquals(TransportErrorCode.BIND_FAILED, e.errorCode());
            assertTrue(e.getMessage().contains("tcp:127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertFalse(layer.isRunning());
            assertTrue(threads.awaitAllEnded(Duration.ofSeconds(10)));
        }
    }

    @Test
    void epollIsUsedWhereAvailable() {
        SipTransportLayer layer = new SipTransportLayer(allListeners().build(), new TrackingThreadFactory(), new DeliveryQueue());
        assertEquals(Epoll.isAvailable() ? IoTransport.EPOLL : IoTransport.NIO, layer.ioTransport());
    }

    @Test
    void ioUringIsUsedOnlyWhenEnabledAndAvailable() throws Exception {
        TransportConfig config = allListeners().ioUringEnabled(true).build();
        DeliveryQueue delivered = new DeliveryQueue();
        SipTransportLayer layer = new SipTransportLayer(config, new TrackingThreadFactory(), delivered);
        if (!IoUring.isAvailable()) {
            assertNotEquals(IoTransport.IO_URING, layer.ioTransport());
            return;
        }
        assertEquals(IoTransport.IO_URING, layer.ioTransport());
        layer.start();
        try {
            List<String> callIds = new ArrayList<>();
            for (ListenPoint point : layer.boundListenPoints()) {
                try (TestPeer peer = point.transport() == TransportType.UDP
                        ? new UdpTestPeer(point.address().getAddress(), point.address())
                        : TcpTestPeer.connect(point.address().getAddress(), point.address())) {
                    peer.send(SipTexts.bytes(SipTexts.options(peer.transportToken(), "client.test", "", "uring-" + point)));
                    callIds.add(delivered.next().message().callId());
                }
            }
            assertEquals(layer.boundListenPoints().size(), callIds.size());
        } finally {
            assertTrue(layer.stop(Duration.ofSeconds(10)));
        }
    }
}
