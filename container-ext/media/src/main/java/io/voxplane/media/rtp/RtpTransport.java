package io.voxplane.media.rtp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.concurrent.EventExecutor;
import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The socket layer of the media plane: one Netty event loop group, made from the caller's
 * {@link ThreadFactory} (epoll when available, else NIO; see {@link IoMechanism}), serving the
 * RTP/RTCP sockets of many {@link RtpEndpoint}s. Each endpoint's two sockets are registered on one
 * loop, chosen round robin, so one session is always handled by one thread.
 *
 * <p>Ports come from an {@link RtpPortAllocator}; a pair that cannot be bound (another process
 * holds it) is skipped, up to {@link #DEFAULT_BIND_ATTEMPTS} pairs, then {@code VXMED-002}.
 *
 * <p>Lifecycle: {@link #start} creates the loops; {@link #open} binds endpoints (blocking until
 * bound, so never from an event loop thread); {@link #stop(Duration)} closes every endpoint, frees
 * its ports and ends every thread the factory made. Stop is idempotent.
 */
public final class RtpTransport {

    /** Port pairs tried per {@link #open} before giving up: 16 skips ports held by other processes without scanning the whole range. */
    public static final int DEFAULT_BIND_ATTEMPTS = 16;
    /** Largest datagram read: 2,048 bytes, above any RTP packet on an Ethernet MTU. */
    public static final int MAX_DATAGRAM = 2048;
    /** SO_RCVBUF of each socket: 64 KB absorbs a burst of 300 G.711 packets while the loop is busy. */
    public static final int RECEIVE_BUFFER_BYTES = 64 * 1024;
    /** Bind is a local system call; this long means something is wrong. */
    static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    private enum State { RUNNING, STOPPED }

    private final MultiThreadIoEventLoopGroup group;
    private final IoMechanism io;
    private final RtpPortAllocator ports;
    private final Set<RtpEndpoint> endpoints = ConcurrentHashMap.newKeySet();
    private volatile State state = State.RUNNING;

    private RtpTransport(MultiThreadIoEventLoopGroup group, IoMechanism io, RtpPortAllocator ports) {
        this.group = group;
        this.io = io;
        this.ports = ports;
    }

    /**
     * Starts the event loops.
     *
     * @param threads event loop threads; 0 for one per available processor
     * @param threadFactory makes every thread of this transport (in the container: a managed factory)
     */
    public static RtpTransport start(ThreadFactory threadFactory, int threads, RtpPortAllocator ports, IoMechanism io) {
        Objects.requireNonNull(threadFactory, "threadFactory");
        Objects.requireNonNull(ports, "ports");
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        return new RtpTransport(new MultiThreadIoEventLoopGroup(n, threadFactory, io.ioHandlerFactory()), io, ports);
    }

    /** The I/O mechanism in use. */
    public IoMechanism ioMechanism() {
        return io;
    }

    /** The port allocator. */
    public RtpPortAllocator ports() {
        return ports;
    }

    /** Endpoints open now. */
    public int openEndpoints() {
        return endpoints.size();
    }

    /** True until {@link #stop}. */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Binds an RTP and an RTCP socket on {@code address} with a free port pair.
     *
     * @throws MediaException {@code VXMED-001} ports exhausted, {@code VXMED-002} nothing could be
     *     bound, {@code VXMED-003} stopped
     */
    public RtpEndpoint open(InetAddress address) {
        checkRunning();
        MediaException last = null;
        for (int attempt = 0; attempt < DEFAULT_BIND_ATTEMPTS; attempt++) {
            RtpPorts pair = ports.allocate();
            EventLoop loop = group.next();
            DatagramChannel rtp = null;
            RtpEndpoint.Handler rtpHandler = new RtpEndpoint.Handler(false);
            RtpEndpoint.Handler rtcpHandler = new RtpEndpoint.Handler(true);
            try {
                rtp = bind(loop, new InetSocketAddress(address, pair.rtp()), rtpHandler);
                DatagramChannel rtcp = bind(loop, new InetSocketAddress(address, pair.rtcp()), rtcpHandler);
                RtpEndpoint endpoint = new RtpEndpoint(this, pair, rtp, rtcp);
                rtpHandler.endpoint(endpoint);
                rtcpHandler.endpoint(endpoint);
                endpoints.add(endpoint);
                if (state != State.RUNNING) {
                    endpoint.close();
                    throw stopped();
                }
                return endpoint;
            } catch (MediaException e) {
                if (rtp != null) {
                    rtp.close().awaitUninterruptibly(BIND_TIMEOUT.toMillis());
                }
                ports.release(pair);
                if (e.code() != MediaErrorCode.BIND_FAILED) {
                    throw e;
                }
                last = e;
            }
        }
        throw new MediaException(MediaErrorCode.BIND_FAILED,
                "no RTP port pair bound on " + address.getHostAddress() + " after " + DEFAULT_BIND_ATTEMPTS + " attempts",
                last);
    }

    private DatagramChannel bind(EventLoop loop, InetSocketAddress at, RtpEndpoint.Handler handler) {
        SocketProtocolFamily family = at.getAddress() instanceof Inet6Address
                ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
        ChannelFuture bound = new Bootstrap()
                .group(loop)
                .channelFactory(() -> io.newDatagramChannel(family))
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER_BYTES)
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
                .handler(handler)
                .bind(at);
        if (!bound.awaitUninterruptibly(BIND_TIMEOUT.toMillis()) || !bound.isSuccess()) {
            bound.channel().close();
            throw new MediaException(MediaErrorCode.BIND_FAILED, "cannot bind " + at, bound.cause());
        }
        return (DatagramChannel) bound.channel();
    }

    void released(RtpEndpoint endpoint) {
        if (endpoints.remove(endpoint)) {
            ports.release(endpoint.ports());
        }
    }

    private void checkRunning() {
        if (state != State.RUNNING) {
            throw stopped();
        }
    }

    private static MediaException stopped() {
        return new MediaException(MediaErrorCode.TRANSPORT_STOPPED, "the RTP transport is stopped");
    }

    /**
     * Closes every endpoint (their ports return to the allocator) and ends the event loops,
     * waiting at most {@code timeout}. Idempotent.
     *
     * @return true when every event loop thread has ended
     * @throws IllegalStateException when called from one of this transport's event loops
     */
    public boolean stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (EventExecutor loop : group) {
            if (loop.inEventLoop()) {
                throw new IllegalStateException("stop() must not be called from an RTP event loop thread");
            }
        }
        state = State.STOPPED;
        List<RtpEndpoint> open = new ArrayList<>(endpoints);
        open.forEach(RtpEndpoint::close);
        group.shutdownGracefully(0, Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
        boolean ended = group.terminationFuture().awaitUninterruptibly(remainingMillis(deadline));
        // the loops are gone, so close listeners that did not run cannot free ports: free them here
        for (RtpEndpoint e : open) {
            released(e);
        }
        return ended;
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
