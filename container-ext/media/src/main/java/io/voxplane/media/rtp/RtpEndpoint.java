package io.voxplane.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The two UDP sockets of one RTP session (RFC 3550 s11): RTP on an even port and RTCP on the next,
 * both served by one event loop of an {@link RtpTransport}, so a session's receive path is single
 * threaded. Datagrams go to the {@link Receiver} on that event loop; until one is set they are
 * dropped.
 *
 * <p>Sending is allowed from any thread. Sends made on the event loop while it delivers received
 * datagrams (an echo) are written and flushed once at the end of the read batch, so epoll can hand
 * them to the kernel together; sends from other threads (paced prompt or conference frames) are
 * flushed at once.
 *
 * <p>{@link #close()} closes both sockets and gives the ports back once they are closed; it is
 * idempotent.
 */
public final class RtpEndpoint implements AutoCloseable {

    /** Receives the datagrams of one endpoint, on its event loop. Must not throw and must not block. */
    public interface Receiver {
        /** One datagram on the RTP socket; the buffer is only valid during the call. */
        void onRtp(ByteBuf datagram, InetSocketAddress sender);

        /** One datagram on the RTCP socket; the buffer is only valid during the call. */
        void onRtcp(ByteBuf datagram, InetSocketAddress sender);
    }

    private final RtpTransport transport;
    private final RtpPorts ports;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final EventLoop loop;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder receiverFailures = new LongAdder();
    private volatile Receiver receiver;
    // event loop only: set while a read batch is delivered, so sends made meanwhile share one flush
    private boolean inReadBatch;
    private boolean flushPending;

    RtpEndpoint(RtpTransport transport, RtpPorts ports, DatagramChannel rtp, DatagramChannel rtcp) {
        this.transport = transport;
        this.ports = ports;
        this.rtp = rtp;
        this.rtcp = rtcp;
        this.loop = rtp.eventLoop();
    }

    /**
     * Inbound handler of the RTP socket (isRtcp false) or the RTCP socket. It is installed before
     * the bind, so no datagram can pass a half-built pipeline; until the endpoint exists (the bind
     * of both sockets completed) datagrams are dropped.
     */
    static final class Handler extends ChannelInboundHandlerAdapter {
        private final boolean isRtcp;
        private volatile RtpEndpoint endpoint;

        Handler(boolean isRtcp) {
            this.isRtcp = isRtcp;
        }

        void endpoint(RtpEndpoint e) {
            this.endpoint = e;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            RtpEndpoint e = endpoint;
            if (!(msg instanceof DatagramPacket packet) || e == null) {
                io.netty.util.ReferenceCountUtil.release(msg);
                return;
            }
            e.inReadBatch = true;
            try {
                Receiver r = e.receiver;
                if (r != null) {
                    if (isRtcp) {
                        r.onRtcp(packet.content(), packet.sender());
                    } else {
                        r.onRtp(packet.content(), packet.sender());
                    }
                }
            } catch (RuntimeException ex) {
                // a receiver bug must not close the socket or stop the loop; it is counted
                e.receiverFailures.increment();
            } finally {
                packet.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            RtpEndpoint e = endpoint;
            if (e == null) {
                return;
            }
            e.inReadBatch = false;
            if (e.flushPending) {
                e.flushPending = false;
                e.rtp.flush();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable from a peer that went away and the like: the socket stays open
            RtpEndpoint e = endpoint;
            if (e != null) {
                e.receiverFailures.increment();
            }
        }
    }

    /** Sets who gets the datagrams (once the session around this endpoint is ready). */
    public void receiver(Receiver receiver) {
        this.receiver = receiver;
    }

    /** The bound RTP socket address. */
    public InetSocketAddress rtpAddress() {
        return (InetSocketAddress) rtp.localAddress();
    }

    /** The bound RTCP socket address. */
    public InetSocketAddress rtcpAddress() {
        return (InetSocketAddress) rtcp.localAddress();
    }

    /** The port pair. */
    public RtpPorts ports() {
        return ports;
    }

    /** Buffers for outgoing datagrams (pooled). */
    public ByteBufAllocator alloc() {
        return rtp.alloc();
    }

    /** True on this endpoint's event loop thread. */
    public boolean inEventLoop() {
        return loop.inEventLoop();
    }

    /** The event loop of both sockets. */
    public EventLoop eventLoop() {
        return loop;
    }

    /** Exceptions thrown by the receiver or reported by the sockets; each was contained. */
    public long receiverFailures() {
        return receiverFailures.sum();
    }

    /** Sends one RTP datagram; takes ownership of {@code packet}. Dropped (and released) when closed. */
    public void sendRtp(ByteBuf packet, InetSocketAddress to) {
        if (closed.get()) {
            packet.release();
            return;
        }
        DatagramPacket datagram = new DatagramPacket(packet, to);
        if (loop.inEventLoop() && inReadBatch) {
            rtp.write(datagram, rtp.voidPromise());
            flushPending = true;
        } else {
            rtp.writeAndFlush(datagram, rtp.voidPromise());
        }
    }

    /** Sends one RTCP compound packet. Dropped when closed. */
    public void sendRtcp(byte[] packet, InetSocketAddress to) {
        if (closed.get()) {
            return;
        }
        rtcp.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(packet), to), rtcp.voidPromise());
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed.get();
    }

    /** Closes both sockets; the ports return to the allocator when both are closed. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        receiver = null;
        rtp.close().addListener(f -> rtcp.close().addListener(g -> transport.released(this)));
    }
}
