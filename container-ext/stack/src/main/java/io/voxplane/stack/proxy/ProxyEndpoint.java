package io.voxplane.stack.proxy;

import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.LateBoundHandler;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.SipTransportLayer;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.ua.TargetResolver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.UnaryOperator;

/**
 * A standalone {@link StatefulProxy} on one listen point: the Netty transport and the proxy core
 * wired together without a container, for tests, benchmarks and tools. The proxy's Via sent-by
 * and Record-Route URI are the bound address.
 *
 * <p>Threads come from the caller: event loops from {@code threads}, SIP timers from
 * {@code scheduler}. {@link #stop(Duration)} closes the sockets and the event loops; the
 * scheduler stays the caller's to shut down.
 */
public final class ProxyEndpoint implements AutoCloseable {

    private final SipTransportLayer transport;
    private final StatefulProxy proxy;
    private final LateBoundHandler handOff;

    private ProxyEndpoint(SipTransportLayer transport, StatefulProxy proxy, LateBoundHandler handOff) {
        this.transport = transport;
        this.proxy = proxy;
        this.handOff = handOff;
    }

    /**
     * Binds {@code listen} (port 0 picks a free one) and starts a proxy that asks {@code router}.
     */
    public static ProxyEndpoint start(ListenPoint listen, TransportConfig transportConfig, TransactionConfig transactions,
                                      ThreadFactory threads, ScheduledExecutorService scheduler, ProxyRouter router) {
        return start(listen, transportConfig, transactions, TargetResolver.literalOnly(), threads, scheduler, router);
    }

    /**
     * As {@link #start(ListenPoint, TransportConfig, TransactionConfig, ThreadFactory, ScheduledExecutorService, ProxyRouter)}
     * with the resolver that picks the next hop of branches without a fixed one and of ACKs.
     */
    public static ProxyEndpoint start(ListenPoint listen, TransportConfig transportConfig, TransactionConfig transactions,
                                      TargetResolver resolver, ThreadFactory threads, ScheduledExecutorService scheduler,
                                      ProxyRouter router) {
        return start(listen, transportConfig, config -> config.withTransactions(transactions).withResolver(resolver),
                threads, scheduler, router);
    }

    /**
     * As the other overloads, with the proxy's settings made by {@code configure} from the
     * defaults for the bound address ({@link ProxyConfig#of}: its host and port, IP-literal
     * resolver, default transaction timers and dialog limit).
     */
    public static ProxyEndpoint start(ListenPoint listen, TransportConfig transportConfig,
                                      UnaryOperator<ProxyConfig> configure, ThreadFactory threads,
                                      ScheduledExecutorService scheduler, ProxyRouter router) {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(configure, "configure");
        LateBoundHandler handOff = new LateBoundHandler();
        SipTransportLayer transport = new SipTransportLayer(
                transportConfig.toBuilder().listen(listen).build(), threads, handOff);
        transport.start();
        ListenPoint bound = transport.boundListenPoints().get(0);
        ProxyConfig config = configure.apply(ProxyConfig.of(bound.uriHost(), bound.address().getPort(), listen.transport()));
        StatefulProxy proxy = new StatefulProxy(transport, new ScheduledTimerService(scheduler), config, router);
        handOff.bind(proxy.inboundHandler());
        return new ProxyEndpoint(transport, proxy, handOff);
    }

    /** {@link #start(ListenPoint, TransportConfig, TransactionConfig, ThreadFactory, ScheduledExecutorService, ProxyRouter)} with defaults. */
    public static ProxyEndpoint start(ListenPoint listen, ThreadFactory threads, ScheduledExecutorService scheduler,
                                      ProxyRouter router) {
        return start(listen, TransportConfig.builder().build(), TransactionConfig.defaults(), threads, scheduler, router);
    }

    public StatefulProxy proxy() {
        return proxy;
    }

    public SipTransportLayer transport() {
        return transport;
    }

    /** The bound socket address. */
    public InetSocketAddress address() {
        return transport.boundListenPoints().get(0).address();
    }

    /** Messages that arrived between bind and the proxy's creation (dropped: no one to answer yet). */
    public long droppedBeforeStart() {
        return handOff.droppedBeforeBind();
    }

    /**
     * Stops the proxy (its transactions and timers) and the transport within {@code timeout}.
     *
     * @return true when the transport's event loops ended in time
     */
    public boolean stop(Duration timeout) {
        proxy.shutdown();
        return transport.stop(timeout);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
