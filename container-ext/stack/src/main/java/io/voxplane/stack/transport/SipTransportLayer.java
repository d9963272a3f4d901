package io.voxplane.stack.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.internal.InternalThreadLocalMap;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.StreamFramer;
import io.voxplane.sip.Via;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The SIP transport layer (RFC 3261 s18, RFC 3581) on Netty 4.2: UDP and TCP listeners on IPv4
 * and IPv6, outgoing TCP connections, and the {@link MessageSender} the transaction layer writes
 * through.
 *
 * <h2>Receiving (s18.2.1, s18.1.2)</h2>
 * A UDP datagram is one message; a TCP byte stream is cut into messages by Content-Length
 * ({@link StreamFramer}, s18.3). Each message is parsed; requests get {@code received} and
 * {@code rport} in their top Via; then the {@link InboundMessageHandler} gets the message and its
 * {@link Flow}, on an event loop thread. A request too broken to process but still answerable is
 * answered by the transport itself with the parser's response (400 saying what is wrong, 505, 413
 * ...); anything else unparseable is dropped. A TCP stream that cannot be framed any more is
 * answered if possible, then closed. Nothing a peer sends stops a listener. Responses whose Via is
 * not ours are delivered unless {@link TransportConfig#discardUnmatchedResponses()} is set.
 *
 * <h2>Sending (s18.1.1, s18.2.2)</h2>
 * {@link #sendRequest} writes UDP requests as datagrams from the listener of the target's address
 * family, and switches a request larger than {@link TransportConfig#udpMaxRequestSize()} to TCP
 * (rewriting the top Via transport), unless asked to keep UDP. TCP requests reuse an open
 * connection to the target address, accepted or outgoing, else connect. {@link #sendResponse}
 * uses the request's TCP connection while it is open, else connects to the Via's
 * {@code received}/sent-by; over UDP it sends to {@code received} (or the sent-by host) at
 * {@code rport}, the sent-by port, or 5060. The returned futures complete on an event loop thread
 * with the flow used, or with a {@link TransportException}.
 *
 * <h2>Threads and lifecycle</h2>
 * Every thread comes from the {@link ThreadFactory} given to the constructor: the event loops of a
 * {@link MultiThreadIoEventLoopGroup} on io_uring (if enabled and available), epoll, or NIO (see
 * {@link #ioTransport()}). {@link #start()} binds every listen point and returns once all are
 * bound (port 0 gets a free port, see {@link #boundListenPoints()}); it may be called once.
 * {@link #stop(Duration)} closes all sockets and ends the event loops within the timeout; it is
 * idempotent and must not be called from a transport thread. TCP connections with no traffic for
 * {@link TransportConfig#tcpIdleTimeout()} are closed. The constructor, start and stop leave the
 * caller's thread as they found it: Netty's per-thread state that they create there is removed
 * before they return (in a
 * container the caller is a container thread that outlives the deployment, and that state would
 * keep the deployment's class loader alive).
 */
public final class SipTransportLayer implements MessageSender {

    private static final System.Logger LOG = System.getLogger(SipTransportLayer.class.getName());

    /**
     * Pending-accept queue of TCP listeners: a burst of 1,024 simultaneous connects (a SIPp
     * client starting up) is queued instead of refused.
     */
    static final int TCP_ACCEPT_BACKLOG = 1024;

    /** Bind is a local system call; if it has not completed after this, something is wrong. */
    static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Quiet period of the event loop shutdown: lets writes issued while stopping (last responses)
     * leave before the loops end.
     */
    static final Duration STOP_QUIET_PERIOD = Duration.ofMillis(50);

    private enum State { NEW, RUNNING, STOPPED }

    private final TransportConfig config;
    private final ThreadFactory threadFactory;
    private final IoTransport ioTransport;
    private final TransportCounters counters = new TransportCounters();
    private final InboundMessageProcessor processor;
    private final ConnectionTable connections;
    private final UdpDatagramHandler udpHandler;
    private final ChannelInitializer<Channel> connectionInitializer;
    private final ConcurrentHashMap<InetSocketAddress, PendingConnection> connecting = new ConcurrentHashMap<>();
    private final List<DatagramChannel> udpChannels = new CopyOnWriteArrayList<>();
    private final List<ServerSocketChannel> tcpListeners = new CopyOnWriteArrayList<>();

    private volatile State state = State.NEW;
    private volatile MultiThreadIoEventLoopGroup group;
    private volatile List<ListenPoint> boundListenPoints = List.of();

    /**
     * @param config        listen points and limits
     * @param threadFactory makes the event loop threads (in the container: a ManagedThreadFactory)
     * @param handler       gets every well-formed inbound message, on an event loop thread
     */
    public SipTransportLayer(TransportConfig config, ThreadFactory threadFactory, InboundMessageHandler handler) {
        this(config, threadFactory, handler, IoTransport.select(config.ioUringEnabled()));
    }

    /** With a given I/O mechanism, so that tests can run NIO where epoll is available. */
    SipTransportLayer(TransportConfig config, ThreadFactory threadFactory, InboundMessageHandler handler,
            IoTransport ioTransport) {
        this.config = Objects.requireNonNull(config, "config");
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        Objects.requireNonNull(handler, "handler");
        this.ioTransport = Objects.requireNonNull(ioTransport, "ioTransport");
        this.processor = new InboundMessageProcessor(new SipParser(config.sipLimits()), handler, counters);
        this.connections = new ConnectionTable(config.maxConnections());
        // Netty's handler constructors cache type lookups in a thread-local of the caller's thread.
        this.udpHandler = leavingCallerThreadClean(() -> new UdpDatagramHandler(processor));
        long idleMillis = config.tcpIdleTimeout().toMillis();
        this.connectionInitializer = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(
                        new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS),
                        new TcpConnectionHandler(connections.nextId(), new StreamFramer(config.sipLimits()),
                                processor, connections, counters));
            }
        };
    }

    /** The Netty I/O mechanism in use (chosen at construction). */
    public IoTransport ioTransport() {
        return ioTransport;
    }

    public TransportConfig config() {
        return config;
    }

    /**
     * Binds every listen point of the configuration and returns when all are bound.
     *
     * @throws TransportException    when an address cannot be bound; everything bound so far is
     *                               closed again and the layer is stopped
     * @throws IllegalStateException when already started or stopped
     */
    public synchronized void start() {
        leavingCallerThreadClean(() -> {
            startListeners();
            return null;
        });
    }

    private void startListeners() {
        if (state != State.NEW) {
            throw new IllegalStateException("the SIP transport layer starts once; it is " + state);
        }
        int threads = config.eventLoopThreads() > 0
                ? config.eventLoopThreads()
                : Runtime.getRuntime().availableProcessors();
        group = new MultiThreadIoEventLoopGroup(threads, threadFactory, ioTransport.ioHandlerFactory());
        state = State.RUNNING;
        int udpSocketsPerListenPoint = config.udpReusePort() && ioTransport == IoTransport.EPOLL ? threads : 1;
        List<ListenPoint> bound = new ArrayList<>();
        try {
            for (ListenPoint point : config.listenPoints()) {
                Channel channel = switch (point.transport()) {
                    case UDP -> bindUdp(point, udpSocketsPerListenPoint);
                    case TCP -> bindTcp(point);
                };
                bound.add(new ListenPoint(point.transport(), (InetSocketAddress) channel.localAddress()));
            }
        } catch (RuntimeException e) {
            // A listen point that cannot bind (or whose socket cannot be made) leaves nothing running.
            stop(BIND_TIMEOUT);
            throw e;
        }
        boundListenPoints = List.copyOf(bound);
        if (config.discardUnmatchedResponses()) {
            processor.discardResponsesNotMatching(new SentByMatcher(bound, config.sentByHosts()));
        }
        LOG.log(Level.INFO, () -> "SIP transport running on " + ioTransport + " with " + threads
                + " event loop threads, " + udpSocketsPerListenPoint + " socket(s) per UDP listen point, listening on "
                + bound.stream().map(ListenPoint::toString).collect(Collectors.joining(", ")));
    }

    /** The listen points with the ports actually bound, in configuration order; empty before start. */
    public List<ListenPoint> boundListenPoints() {
        return boundListenPoints;
    }

    /** True between a successful {@link #start()} and {@link #stop(Duration)}. */
    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** The counters since construction. */
    public TransportStatistics statistics() {
        return counters.snapshot();
    }

    /**
     * Waits up to {@code timeout} for Netty's JVM-wide helper thread ({@code globalEventExecutor},
     * which Netty starts to tell an event loop group that its loops ended, and which ends after
     * a second without work) to end. Its classes come from the deployment, so a container calls
     * this when the deployment goes away, after the shutdown, to leave no thread that holds the
     * deployment's class loader. Returns whether it ended in time.
     */
    public static boolean awaitNettyHelperThreadEnd(Duration timeout) {
        try {
            return GlobalEventExecutor.INSTANCE.awaitInactivity(timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Closes listeners and connections and shuts the event loops down, waiting at most
     * {@code timeout} in all. Calling it again (or before start) is harmless; a later call waits
     * again for the loops to end.
     *
     * @return true when every event loop had ended within the timeout
     * @throws IllegalStateException when called from one of this layer's event loop threads
     */
    public boolean stop(Duration timeout) {
        return stop(timeout, STOP_QUIET_PERIOD);
    }

    /**
     * {@link #stop(Duration)} with the event loops' quiet period given: zero when the caller
     * knows nothing is being written any more (a phased shutdown whose signaling already
     * stopped), which saves Netty's 100 ms quiet-period check.
     */
    public boolean stop(Duration timeout, Duration quietPeriod) {
        return leavingCallerThreadClean(() -> stopWithin(timeout, quietPeriod));
    }

    private boolean stopWithin(Duration timeout, Duration quietPeriod) {
        long deadline = System.nanoTime() + timeout.toNanos();
        MultiThreadIoEventLoopGroup g;
        List<Channel> toClose = new ArrayList<>();
        synchronized (this) {
            g = group;
            if (g == null) {
                state = State.STOPPED;
                return true;
            }
            for (EventExecutor loop : g) {
                if (loop.inEventLoop()) {
                    throw new IllegalStateException("stop() must not be called from a transport thread");
                }
            }
            if (state == State.RUNNING) {
                state = State.STOPPED;
                toClose.addAll(tcpListeners);
                toClose.addAll(udpChannels);
                toClose.addAll(connections.channels());
            }
        }
        List<ChannelFuture> closes = toClose.stream().map(Channel::close).toList();
        for (ChannelFuture close : closes) {
            close.awaitUninterruptibly(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        }
        long quiet = Math.min(quietPeriod.toMillis(), remainingMillis(deadline));
        g.shutdownGracefully(quiet, remainingMillis(deadline), TimeUnit.MILLISECONDS);
        boolean terminated = g.terminationFuture().awaitUninterruptibly(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        if (!terminated) {
            LOG.log(Level.WARNING, "SIP transport event loops still running after " + timeout);
        }
        return terminated;
    }

    /**
     * Runs {@code action} and then removes the Netty thread-locals it created on the caller's thread,
     * unless the thread had Netty state before (then it is a Netty thread of someone else's and is
     * left alone).
     */
    private static <T> T leavingCallerThreadClean(Supplier<T> action) {
        boolean hadNettyState = InternalThreadLocalMap.getIfSet() != null;
        try {
            return action.get();
        } finally {
            if (!hadNettyState) {
                FastThreadLocal.removeAll();
            }
        }
    }

    @Override
    public CompletableFuture<Flow> sendRequest(SipRequest request, Target target) {
        return sendRequest(request, target, false);
    }

    /**
     * Sends a request to a target.
     *
     * @param keepTransport when true, a UDP target gets the request over UDP whatever its size
     *                      (up to {@link TransportConfig#udpMaxDatagramSize()}); when false, a
     *                      request larger than {@link TransportConfig#udpMaxRequestSize()} goes over
     *                      TCP to the same address, with its top Via transport changed (s18.1.1)
     */
    public CompletableFuture<Flow> sendRequest(SipRequest request, Target target, boolean keepTransport) {
        if (state != State.RUNNING) {
            return notRunning();
        }
        InetSocketAddress remote = target.address();
        if (remote.isUnresolved()) {
            return failed(TransportErrorCode.UNRESOLVED_TARGET, "target " + remote + " is not resolved", null, null);
        }
        byte[] wire = request.toBytes();
        if (target.transport() == TransportType.UDP) {
            if (wire.length <= config.udpMaxRequestSize() || keepTransport) {
                return sendUdp(wire, remote, null);
            }
            counters.switchedToTcp.increment();
            wire = withTopViaTransport(request, TransportType.TCP).toBytes();
        }
        return sendTcp(wire, remote);
    }

    @Override
    public CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow) {
        if (state != State.RUNNING) {
            return notRunning();
        }
        return sendResponseWire(response.toBytes(), response.topVia(), requestFlow);
    }

    /** Writes the kept bytes as they are: no parse, no serialization. */
    @Override
    public CompletableFuture<Flow> sendSerializedResponse(byte[] wire, Via topVia, Flow requestFlow) {
        if (state != State.RUNNING) {
            return notRunning();
        }
        return sendResponseWire(wire, topVia, requestFlow);
    }

    private CompletableFuture<Flow> sendResponseWire(byte[] wire, Via top, Flow requestFlow) {
        if (requestFlow.transport().reliable()) {
            TcpConnectionHandler connection = connections.byId(requestFlow.connectionId());
            if (connection != null) {
                return writeTcp(connection, wire);
            }
            Optional<InetSocketAddress> destination = ResponseDestination.reliable(top);
            return destination.isPresent()
                    ? sendTcp(wire, destination.get())
                    : failed(TransportErrorCode.NO_RESPONSE_DESTINATION, "no IP address in top Via " + top, null, null);
        }
        Optional<InetSocketAddress> destination = ResponseDestination.unreliable(top);
        if (destination.isEmpty()) {
            return failed(TransportErrorCode.NO_RESPONSE_DESTINATION, "no IP address in top Via " + top, null, null);
        }
        return sendUdp(wire, destination.get(), udpChannelBoundTo(requestFlow.local(), destination.get()));
    }

    /**
     * Binds a UDP listen point: one socket, or with {@link TransportConfig#udpReusePort()} on
     * epoll one socket per event loop on the same address and port.
     */
    private Channel bindUdp(ListenPoint point, int sockets) {
        InetSocketAddress address = point.address();
        ChannelFactory<DatagramChannel> factory = () -> ioTransport.newDatagramChannel(familyOf(address));
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channelFactory(factory)
                .option(ChannelOption.SO_RCVBUF, config.udpReceiveBufferSize())
                .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(config.udpMaxDatagramSize()))
                .handler(udpHandler);
        if (sockets > 1) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        ChannelFuture first = bootstrap.bind(address);
        awaitBound(first, point);
        udpChannels.add((DatagramChannel) first.channel());
        // Port 0 was resolved by the first bind: the others join that port.
        InetSocketAddress bound = (InetSocketAddress) first.channel().localAddress();
        for (int i = 1; i < sockets; i++) {
            ChannelFuture next = bootstrap.bind(bound);
            awaitBound(next, point);
            udpChannels.add((DatagramChannel) next.channel());
        }
        return first.channel();
    }

    private Channel bindTcp(ListenPoint point) {
        InetSocketAddress address = point.address();
        ChannelFactory<ServerSocketChannel> factory = () -> ioTransport.newServerSocketChannel(familyOf(address));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channelFactory(factory)
                .option(ChannelOption.SO_BACKLOG, TCP_ACCEPT_BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(connectionInitializer);
        if (config.tcpReceiveBufferSize() > 0) {
            bootstrap.childOption(ChannelOption.SO_RCVBUF, config.tcpReceiveBufferSize());
        }
        ChannelFuture bind = bootstrap.bind(address);
        awaitBound(bind, point);
        tcpListeners.add((ServerSocketChannel) bind.channel());
        return bind.channel();
    }

    private static void awaitBound(ChannelFuture bind, ListenPoint point) {
        if (!bind.awaitUninterruptibly(BIND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || !bind.isSuccess()) {
            bind.channel().close();
            throw new TransportException(TransportErrorCode.BIND_FAILED, "cannot listen on " + point, null,
                    bind.cause());
        }
    }

    private CompletableFuture<Flow> sendUdp(byte[] wire, InetSocketAddress remote, DatagramChannel preferred) {
        if (wire.length > config.udpMaxDatagramSize()) {
            return failed(TransportErrorCode.TOO_LARGE_FOR_UDP, wire.length + " bytes for " + IpLiterals.hostPort(remote)
                    + " exceed the UDP limit of " + config.udpMaxDatagramSize(), null, null);
        }
        DatagramChannel channel = preferred != null ? preferred : udpChannelFor(remote);
        if (channel == null) {
            return failed(TransportErrorCode.NO_UDP_LISTENER, "no UDP listener can reach " + IpLiterals.hostPort(remote),
                    null, null);
        }
        Flow flow = new Flow(TransportType.UDP, channel.localAddress(), remote, 0);
        CompletableFuture<Flow> result = new CompletableFuture<>();
        ChannelWrites.write(channel, wire, remote).addListener(f -> {
            if (f.isSuccess()) {
                counters.messagesSent.increment();
                result.complete(flow);
            } else {
                fail(result, TransportErrorCode.WRITE_FAILED, "UDP write to " + IpLiterals.hostPort(remote) + " failed",
                        flow, f.cause());
            }
        });
        return result;
    }

    /**
     * Sends on the open connection to {@code remote}, else on one being opened. While a connect is
     * in progress every send waits for it, also once the new connection is in the table (a
     * transport may announce it active before the connect's listener runs): a later message of
     * one sender never leaves before an earlier one that waited.
     */
    private CompletableFuture<Flow> sendTcp(byte[] wire, InetSocketAddress remote) {
        PendingConnection pending = connecting.get(remote);
        if (pending == null) {
            TcpConnectionHandler open = connections.byRemote(remote);
            if (open != null) {
                return writeTcp(open, wire);
            }
            pending = connection(remote);
        }
        CompletableFuture<Flow> result = new CompletableFuture<>();
        pending.whenDone((connection, connectFailure) -> {
            if (connectFailure != null) {
                result.completeExceptionally(connectFailure);
                return;
            }
            writeTcp(connection, wire).whenComplete((flow, writeError) -> {
                if (writeError != null) {
                    result.completeExceptionally(writeError);
                } else {
                    result.complete(flow);
                }
            });
        });
        return result;
    }

    private CompletableFuture<Flow> writeTcp(TcpConnectionHandler connection, byte[] wire) {
        CompletableFuture<Flow> result = new CompletableFuture<>();
        Flow flow = connection.flow();
        ChannelWrites.write(connection.channel(), wire, null).addListener(f -> {
            if (f.isSuccess()) {
                counters.messagesSent.increment();
                result.complete(flow);
            } else {
                fail(result, TransportErrorCode.WRITE_FAILED, "TCP write to " + IpLiterals.hostPort(flow.remote())
                        + " failed", flow, f.cause());
            }
        });
        return result;
    }

    /** A connection to {@code remote} being opened: a new one, or the one already being opened. */
    private PendingConnection connection(InetSocketAddress remote) {
        PendingConnection fresh = new PendingConnection();
        PendingConnection pending = connecting.putIfAbsent(remote, fresh);
        if (pending != null) {
            return pending;
        }
        TcpConnectionHandler open = connections.byRemote(remote);
        if (open != null) {
            // Opened (or accepted) since the caller looked.
            fresh.succeed(open);
            connecting.remove(remote, fresh);
            return fresh;
        }
        if (connections.isFull()) {
            connecting.remove(remote, fresh);
            counters.connectionsRejected.increment();
            failConnect(fresh, TransportErrorCode.TOO_MANY_CONNECTIONS, "connection limit " + config.maxConnections()
                    + " reached, not connecting to " + IpLiterals.hostPort(remote), null);
            return fresh;
        }
        ChannelFactory<SocketChannel> factory = () -> ioTransport.newSocketChannel(familyOf(remote));
        ChannelFuture connect;
        try {
            connect = new Bootstrap()
                    .group(group)
                    .channelFactory(factory)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.tcpConnectTimeout().toMillis())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(connectionInitializer)
                    .connect(remote);
        } catch (RejectedExecutionException e) {
            connecting.remove(remote, fresh);
            failConnect(fresh, TransportErrorCode.NOT_RUNNING, "transport stopping, not connecting to "
                    + IpLiterals.hostPort(remote), e);
            return fresh;
        }
        connect.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                connecting.remove(remote, fresh);
                failConnect(fresh, TransportErrorCode.CONNECT_FAILED, "cannot connect to " + IpLiterals.hostPort(remote),
                        f.cause());
                return;
            }
            TcpConnectionHandler connection = f.channel().pipeline().get(TcpConnectionHandler.class);
            if (connection.open()) {
                // Removed only once the waiters' writes are queued: a sender that finds no pending
                // connect and writes directly must come after them.
                fresh.succeed(connection);
                connecting.remove(remote, fresh);
            } else {
                connecting.remove(remote, fresh);
                failConnect(fresh, TransportErrorCode.TOO_MANY_CONNECTIONS, "connection limit " + config.maxConnections()
                        + " reached, closed new connection to " + IpLiterals.hostPort(remote), null);
            }
        });
        return fresh;
    }

    /**
     * A UDP socket of the remote's address family (else any). With several (SO_REUSEPORT), the
     * remote's address picks one, so every message to one peer goes through one event loop's
     * queue and leaves in the order it was sent, whichever thread sent it (an ACK queued by the
     * loop that read the 2xx is never overtaken by the BYE an application thread sends next).
     */
    private DatagramChannel udpChannelFor(InetSocketAddress remote) {
        boolean ipv6 = remote.getAddress() instanceof Inet6Address;
        DatagramChannel picked = pick(remote, local -> (local.getAddress() instanceof Inet6Address) == ipv6);
        return picked != null ? picked : pick(remote, local -> true);
    }

    /**
     * The UDP socket bound to {@code local}; with several (SO_REUSEPORT) the one the remote's
     * address picks, as in {@link #udpChannelFor}.
     */
    private DatagramChannel udpChannelBoundTo(InetSocketAddress local, InetSocketAddress remote) {
        return pick(remote, local::equals);
    }

    /** Of the bound UDP sockets whose local address passes {@code accept}, the one {@code remote} hashes to. */
    private DatagramChannel pick(InetSocketAddress remote, Predicate<InetSocketAddress> accept) {
        int count = 0;
        for (DatagramChannel channel : udpChannels) {
            InetSocketAddress local = channel.localAddress();
            if (local != null && accept.test(local)) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        int index = Math.floorMod(remote.hashCode(), count);
        for (DatagramChannel channel : udpChannels) {
            InetSocketAddress local = channel.localAddress();
            if (local != null && accept.test(local) && index-- == 0) {
                return channel;
            }
        }
        return null; // a channel closed between the two passes
    }

    private static SipRequest withTopViaTransport(SipRequest request, TransportType transport) {
        Via top = request.topVia();
        if (top.transport().equalsIgnoreCase(transport.viaToken())) {
            return request;
        }
        List<Via> vias = new ArrayList<>(request.vias());
        vias.set(0, new Via(transport.viaToken(), top.host(), top.port(), top.parameters()));
        return request.toBuilder().vias(vias).build();
    }

    private static SocketProtocolFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private CompletableFuture<Flow> notRunning() {
        return failed(TransportErrorCode.NOT_RUNNING, "SIP transport layer is " + state, null, null);
    }

    private CompletableFuture<Flow> failed(TransportErrorCode code, String text, Flow flow, Throwable cause) {
        CompletableFuture<Flow> result = new CompletableFuture<>();
        fail(result, code, text, flow, cause);
        return result;
    }

    private void fail(CompletableFuture<Flow> result, TransportErrorCode code, String text, Flow flow, Throwable cause) {
        counters.sendFailures.increment();
        result.completeExceptionally(new TransportException(code, text, flow, cause));
    }

    private void failConnect(PendingConnection pending, TransportErrorCode code, String text, Throwable cause) {
        counters.sendFailures.increment();
        pending.fail(new TransportException(code, text, null, cause));
    }
}
