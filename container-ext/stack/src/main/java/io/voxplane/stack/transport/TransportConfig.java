package io.voxplane.stack.transport;

import io.voxplane.sip.SipLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link SipTransportLayer}. Each component has a {@code DEFAULT_*} constant below
 * whose javadoc says why that value and which configuration key sets it.
 *
 * @param listenPoints              sockets to listen on; key {@code voxplane.transport.listen}, a comma
 *                                  separated list of {@link ListenPoint#parse(String) listen points}
 * @param eventLoopThreads          Netty event loop threads; 0 means one per available processor
 * @param ioUringEnabled            use io_uring instead of epoll where the kernel has it
 * @param udpMaxRequestSize         largest request sent over UDP before switching to TCP (s18.1.1)
 * @param udpMaxDatagramSize        largest datagram read; longer ones are truncated by the kernel
 * @param udpReceiveBufferSize      SO_RCVBUF of UDP sockets in bytes
 * @param udpReusePort              on epoll, one UDP socket per event loop on each UDP listen point
 *                                  (SO_REUSEPORT), so that every loop reads datagrams
 * @param tcpReceiveBufferSize      SO_RCVBUF of TCP sockets in bytes; 0 keeps the system default
 * @param tcpIdleTimeout            a TCP connection with no traffic for this long is closed
 * @param tcpConnectTimeout         how long an outgoing TCP connect may take
 * @param maxConnections            open TCP connections (accepted plus outgoing) at most
 * @param sipLimits                 message size and header limits for framing and parsing
 * @param discardUnmatchedResponses drop responses whose top Via sent-by is not ours (s18.1.2)
 * @param sentByHosts               extra hosts (names or literals) that count as "ours" for the
 *                                  s18.1.2 check, besides the listen addresses
 */
public record TransportConfig(
        List<ListenPoint> listenPoints,
        int eventLoopThreads,
        boolean ioUringEnabled,
        int udpMaxRequestSize,
        int udpMaxDatagramSize,
        int udpReceiveBufferSize,
        boolean udpReusePort,
        int tcpReceiveBufferSize,
        Duration tcpIdleTimeout,
        Duration tcpConnectTimeout,
        int maxConnections,
        SipLimits sipLimits,
        boolean discardUnmatchedResponses,
        List<String> sentByHosts) {

    /**
     * Event loop threads: 0 = one per available processor, which is what a Netty server wants
     * when SIP work is the main load. Key {@code voxplane.transport.event-loop-threads}.
     */
    public static final int DEFAULT_EVENT_LOOP_THREADS = 0;

    /**
     * io_uring is off by default: it is newer in Netty (4.2) than epoll and not allowed in every
     * container runtime (seccomp). Key {@code voxplane.transport.io-uring.enabled}.
     */
    public static final boolean DEFAULT_IO_URING_ENABLED = false;

    /**
     * RFC 3261 s18.1.1: a request larger than 1300 bytes when the path MTU is unknown, or within
     * 200 bytes of a known MTU (1500 on Ethernet: also 1300), must go over a congestion-controlled
     * transport. Key {@code voxplane.transport.udp.max-request-size}.
     */
    public static final int DEFAULT_UDP_MAX_REQUEST_SIZE = 1300;

    /**
     * The largest UDP payload IPv4 can carry (65,535 minus 8 UDP and 20 IP header bytes); SIP
     * implementations must accept messages up to the maximum datagram size (s18.1.1).
     * Key {@code voxplane.transport.udp.max-datagram-size}.
     */
    public static final int DEFAULT_UDP_MAX_DATAGRAM_SIZE = 65_507;

    /**
     * 4 MiB of socket receive buffer holds about 4,000 typical SIP datagrams, enough to survive a
     * SIPp burst while the event loop is busy; the kernel caps it at net.core.rmem_max.
     * Key {@code voxplane.transport.udp.receive-buffer-size}.
     */
    public static final int DEFAULT_UDP_RECEIVE_BUFFER_SIZE = 4 * 1024 * 1024;

    /**
     * On: with one UDP socket a single event loop reads every datagram, however many cores there
     * are; SO_REUSEPORT lets the kernel spread peers (by address hash, so each peer stays on one
     * loop and its messages in order) over one socket per loop. Only used with epoll.
     * Key {@code voxplane.transport.udp.reuse-port}.
     */
    public static final boolean DEFAULT_UDP_REUSE_PORT = true;

    /**
     * 0 keeps the kernel's autotuned TCP receive buffer, which adapts per connection better than
     * a fixed size. Key {@code voxplane.transport.tcp.receive-buffer-size}.
     */
    public static final int DEFAULT_TCP_RECEIVE_BUFFER_SIZE = 0;

    /**
     * Two minutes: longer than a transaction can live (64*T1 = 32 s, Timer B/F), so a connection
     * outlives every transaction on it, and the common idle lifetime of SIP proxies.
     * Key {@code voxplane.transport.tcp.idle-timeout} (ISO-8601 duration).
     */
    public static final Duration DEFAULT_TCP_IDLE_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Five seconds: well inside Timer B/F (32 s), so a dead next hop becomes a transport error
     * (s17.1.4) early enough for the transaction user to try another target.
     * Key {@code voxplane.transport.tcp.connect-timeout} (ISO-8601 duration).
     */
    public static final Duration DEFAULT_TCP_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * 10,000 connections: each costs a socket, a framer buffer and a table entry; this bounds
     * memory and file descriptors well below a default 65,536 descriptor limit.
     * Key {@code voxplane.transport.tcp.max-connections}.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    /**
     * Responses are delivered even when their Via is not ours: the transaction layer matches them
     * and drops strays anyway, and a load balancer may rewrite sent-by.
     * Key {@code voxplane.transport.discard-unmatched-responses}.
     */
    public static final boolean DEFAULT_DISCARD_UNMATCHED_RESPONSES = false;

    public TransportConfig {
        listenPoints = List.copyOf(listenPoints);
        sentByHosts = List.copyOf(sentByHosts);
        Objects.requireNonNull(tcpIdleTimeout, "tcpIdleTimeout");
        Objects.requireNonNull(tcpConnectTimeout, "tcpConnectTimeout");
        Objects.requireNonNull(sipLimits, "sipLimits");
        requirePositive(udpMaxRequestSize, "udpMaxRequestSize");
        requirePositive(udpMaxDatagramSize, "udpMaxDatagramSize");
        requirePositive(udpReceiveBufferSize, "udpReceiveBufferSize");
        requirePositive(maxConnections, "maxConnections");
        if (eventLoopThreads < 0 || tcpReceiveBufferSize < 0) {
            throw new IllegalArgumentException("eventLoopThreads and tcpReceiveBufferSize must be >= 0");
        }
        if (tcpIdleTimeout.isNegative() || tcpIdleTimeout.isZero()
                || tcpConnectTimeout.isNegative() || tcpConnectTimeout.isZero()) {
            throw new IllegalArgumentException("TCP timeouts must be positive");
        }
    }

    /** The defaults with the given listen points. */
    public static TransportConfig of(ListenPoint... listenPoints) {
        return builder().listen(listenPoints).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.listenPoints.addAll(listenPoints);
        b.eventLoopThreads = eventLoopThreads;
        b.ioUringEnabled = ioUringEnabled;
        b.udpMaxRequestSize = udpMaxRequestSize;
        b.udpMaxDatagramSize = udpMaxDatagramSize;
        b.udpReceiveBufferSize = udpReceiveBufferSize;
        b.udpReusePort = udpReusePort;
        b.tcpReceiveBufferSize = tcpReceiveBufferSize;
        b.tcpIdleTimeout = tcpIdleTimeout;
        b.tcpConnectTimeout = tcpConnectTimeout;
        b.maxConnections = maxConnections;
        b.sipLimits = sipLimits;
        b.discardUnmatchedResponses = discardUnmatchedResponses;
        b.sentByHosts.addAll(sentByHosts);
        return b;
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Starts from the defaults. */
    public static final class Builder {
        private final List<ListenPoint> listenPoints = new ArrayList<>();
        private int eventLoopThreads = DEFAULT_EVENT_LOOP_THREADS;
        private boolean ioUringEnabled = DEFAULT_IO_URING_ENABLED;
        private int udpMaxRequestSize = DEFAULT_UDP_MAX_REQUEST_SIZE;
        private int udpMaxDatagramSize = DEFAULT_UDP_MAX_DATAGRAM_SIZE;
        private int udpReceiveBufferSize = DEFAULT_UDP_RECEIVE_BUFFER_SIZE;
        private boolean udpReusePort = DEFAULT_UDP_REUSE_PORT;
        private int tcpReceiveBufferSize = DEFAULT_TCP_RECEIVE_BUFFER_SIZE;
        private Duration tcpIdleTimeout = DEFAULT_TCP_IDLE_TIMEOUT;
        private Duration tcpConnectTimeout = DEFAULT_TCP_CONNECT_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private SipLimits sipLimits = SipLimits.defaults();
        private boolean discardUnmatchedResponses = DEFAULT_DISCARD_UNMATCHED_RESPONSES;
        private final List<String> sentByHosts = new ArrayList<>();

        private Builder() {
        }

        public Builder listen(ListenPoint... points) {
            listenPoints.addAll(List.of(points));
            return this;
        }

        public Builder eventLoopThreads(int threads) {
            this.eventLoopThreads = threads;
            return this;
        }

        public Builder ioUringEnabled(boolean enabled) {
            this.ioUringEnabled = enabled;
            return this;
        }

        public Builder udpMaxRequestSize(int bytes) {
            this.udpMaxRequestSize = bytes;
            return this;
        }

        public Builder udpMaxDatagramSize(int bytes) {
            this.udpMaxDatagramSize = bytes;
            return this;
        }

        public Builder udpReceiveBufferSize(int bytes) {
            this.udpReceiveBufferSize = bytes;
            return this;
        }

        public Builder udpReusePort(boolean reusePort) {
            this.udpReusePort = reusePort;
            return this;
        }

        public Builder tcpReceiveBufferSize(int bytes) {
            this.tcpReceiveBufferSize = bytes;
            return this;
        }

        public Builder tcpIdleTimeout(Duration timeout) {
            this.tcpIdleTimeout = timeout;
            return this;
        }

        public Builder tcpConnectTimeout(Duration timeout) {
            this.tcpConnectTimeout = timeout;
            return this;
        }

        public Builder maxConnections(int connections) {
            this.maxConnections = connections;
            return this;
        }

        public Builder sipLimits(SipLimits limits) {
            this.sipLimits = limits;
            return this;
        }

        public Builder discardUnmatchedResponses(boolean discard) {
            this.discardUnmatchedResponses = discard;
            return this;
        }

        public Builder sentByHost(String host) {
            sentByHosts.add(host);
            return this;
        }

        public TransportConfig build() {
            return new TransportConfig(listenPoints, eventLoopThreads, ioUringEnabled, udpMaxRequestSize,
                    udpMaxDatagramSize, udpReceiveBufferSize, udpReusePort, tcpReceiveBufferSize, tcpIdleTimeout,
                    tcpConnectTimeout, maxConnections, sipLimits, discardUnmatchedResponses, sentByHosts);
        }
    }
}
