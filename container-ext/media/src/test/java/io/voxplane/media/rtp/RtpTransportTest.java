package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.voxplane.media.CountingThreadFactory;
import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.TestPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(30)
class RtpTransportTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static boolean available(IoMechanism io) {
        return io == IoMechanism.NIO || IoMechanism.best() == IoMechanism.EPOLL;
    }

    @ParameterizedTest
    @EnumSource(IoMechanism.class)
    void endpointReceivesOnRtpAndRtcpSocketsAndSendsBack(IoMechanism io) throws Exception {
        if (!available(io)) {
            return;
        }
        CountingThreadFactory threads = new CountingThreadFactory("rtp-test");
        RtpTransport t = RtpTransport.start(threads, 2, new RtpPortAllocator(42000, 42999), io);
        try (TestPeer peer = new TestPeer()) {
            RtpEndpoint e = t.open(LOOPBACK);
            assertEquals(e.rtpAddress().getPort() + 1, e.rtcpAddress().getPort());
            CompletableFuture<String> rtp = new CompletableFuture<>();
            CompletableFuture<String> rtcp = new CompletableFuture<>();
            e.receiver(new RtpEndpoint.Receiver() {
                @Override
                public void onRtp(ByteBuf d, InetSocketAddress from) {
                    rtp.complete(d.toString(StandardCharsets.US_ASCII));
                    ByteBuf reply = e.alloc().buffer();
                    reply.writeBytes("pong".getBytes(StandardCharsets.US_ASCII));
                    e.sendRtp(reply, from);
                }

                @Override
                public void onRtcp(ByteBuf d, InetSocketAddress from) {
                    rtcp.complete(ByteBufUtil.hexDump(d));
                }
            });
            peer.send("ping".getBytes(StandardCharsets.US_ASCII), e.rtpAddress());
            peer.send(new byte[] {1, 2}, e.rtcpAddress());
            assertEquals("ping", rtp.get(5, TimeUnit.SECONDS));
            assertEquals("0102", rtcp.get(5, TimeUnit.SECONDS));
            TestPeer.Received back = peer.receive(5000);
            assertNotNull(back);
            assertEquals("pong", new String(back.data(), StandardCharsets.US_ASCII));
            assertEquals(e.rtpAddress(), back.from());
        } finally {
            assertTrue(t.stop(Duration.ofSeconds(10)));
        }
    }

    @ParameterizedTest
    @EnumSource(IoMechanism.class)
    void aThrowingReceiverIsCountedAndTheSocketKeepsWorking(IoMechanism io) throws Exception {
        if (!available(io)) {
            return;
        }
        RtpTransport t = RtpTransport.start(new CountingThreadFactory("rtp-test"), 1, new RtpPortAllocator(42000, 42999), io);
        try (TestPeer peer = new TestPeer()) {
            RtpEndpoint e = t.open(LOOPBACK);
            CompletableFuture<Void> second = new CompletableFuture<>();
            e.receiver(new RtpEndpoint.Receiver() {
                int n;

                @Override
                public void onRtp(ByteBuf d, InetSocketAddress from) {
                    if (n++ == 0) {
                        throw new IllegalStateException("receiver bug");
                    }
                    second.complete(null);
                }

                @Override
                public void onRtcp(ByteBuf d, InetSocketAddress from) {
                }
            });
            peer.send(new byte[] {1}, e.rtpAddress());
            peer.send(new byte[] {2}, e.rtpAddress());
            second.get(5, TimeUnit.SECONDS);
            assertEquals(1, e.receiverFailures());
        } finally {
            t.stop(Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest
    @EnumSource(IoMechanism.class)
    void stopClosesEveryEndpointFreesPortsAndEndsEveryThread(IoMechanism io) throws Exception {
        if (!available(io)) {
            return;
        }
        CountingThreadFactory threads = new CountingThreadFactory("rtp-stop");
        RtpPortAllocator ports = new RtpPortAllocator(43000, 43999);
        RtpTransport t = RtpTransport.start(threads, 2, ports, io);
        for (int i = 0; i < 10; i++) {
            t.open(LOOPBACK);
        }
        assertEquals(10, ports.inUse());
        assertTrue(threads.created() > 0);
        assertTrue(t.stop(Duration.ofSeconds(10)));
        assertEquals(0, ports.inUse());
        assertEquals(0, t.openEndpoints());
        assertEquals(0, threads.aliveAfterJoin(5000));
        MediaException e = assertThrows(MediaException.class, () -> t.open(LOOPBACK));
        assertEquals(MediaErrorCode.TRANSPORT_STOPPED, e.code());
        assertTrue(t.stop(Duration.ofSeconds(1)), "stop is idempotent");
    }

    @ParameterizedTest
    @EnumSource(IoMechanism.class)
    void closingAnEndpointGivesItsPortsBack(IoMechanism io) throws Exception {
        if (!available(io)) {
            return;
        }
        RtpPortAllocator ports = new RtpPortAllocator(44000, 44003);
        RtpTransport t = RtpTransport.start(new CountingThreadFactory("rtp-close"), 1, ports, io);
        try {
            RtpEndpoint a = t.open(LOOPBACK);
            RtpEndpoint b = t.open(LOOPBACK);
            MediaException full = assertThrows(MediaException.class, () -> t.open(LOOPBACK));
            assertEquals(MediaErrorCode.PORTS_EXHAUSTED, full.code());
            a.close();
            assertTrue(TestPeer.await(() -> ports.inUse() == 1, 5000));
            RtpEndpoint c = t.open(LOOPBACK);
            assertEquals(a.ports(), c.ports());
            b.close();
            c.close();
        } finally {
            t.stop(Duration.ofSeconds(10));
        }
    }

    @ParameterizedTest
    @EnumSource(IoMechanism.class)
    void skipsAPortPairHeldByAnotherSocket(IoMechanism io) throws Exception {
        if (!available(io)) {
            return;
        }
        try (java.nio.channels.DatagramChannel squatter = java.nio.channels.DatagramChannel.open()) {
            squatter.bind(new InetSocketAddress(LOOPBACK, 0));
            int held = ((InetSocketAddress) squatter.getLocalAddress()).getPort();
            int first = held & ~1;
            RtpPortAllocator ports = new RtpPortAllocator(first, Math.min(65535, first + 99));
            RtpTransport t = RtpTransport.start(new CountingThreadFactory("rtp-skip"), 1, ports, io);
            try {
                RtpEndpoint e = t.open(LOOPBACK);
                assertEquals(first + 2, e.rtpAddress().getPort());
                assertEquals(1, ports.inUse(), "the failed pair went back");
            } finally {
                t.stop(Duration.ofSeconds(10));
            }
        }
    }
}
