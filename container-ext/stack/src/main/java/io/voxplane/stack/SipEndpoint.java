package io.voxplane.stack;

import io.voxplane.sip.SipMessage;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.SipTransportLayer;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.ua.IncomingCallHandler;
import io.voxplane.stack.ua.UserAgent;
import io.voxplane.stack.ua.UserAgentConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A standalone SIP user agent on one listen point: the Netty transport, the transaction layer and
 * a {@link UserAgent}, wired together without a container. For tests, benchmarks and tools; the
 * container wires the same parts through its planes instead.
 *
 * <p>Threads come from the caller: the transport's event loops from {@code threads}, SIP timers
 * from {@code scheduler}. {@link #stop(Duration)} closes the sockets and shuts the event loops;
 * the scheduler stays the caller's to shut down.
 */
public final class SipEndpoint implements AutoCloseable {

    private final SipTransportLayer transport;
    private final UserAgent userAgent;
    private final HandOff handOff;

    private SipEndpoint(SipTransportLayer transport, UserAgent userAgent, HandOff handOff) {
        this.transport = transport;
        this.userAgent = userAgent;
        this.handOff = handOff;
    }

    /**
     * Binds {@code listen} (port 0 picks a free one), then builds the user agent with the bound
     * address as its Via sent-by and Contact.
     *
     * @param transportConfig transport settings; its listen points are replaced by {@code listen}
     */
    public static SipEndpoint start(ListenPoint listen, TransportConfig transportConfig, TransactionConfig transactions,
                                    ThreadFactory threads, ScheduledExecutorService scheduler,
                                    IncomingCallHandler handler) {
        Objects.requireNonNull(handler, "handler");
        HandOff handOff = new HandOff();
        SipTransportLayer transport = new SipTransportLayer(
                transportConfig.toBuilder().listen(listen).build(), threads, handOff);
        transport.start();
        InetSocketAddress bound = transport.boundListenPoints().get(0).address();
        UserAgentConfig uaConfig = UserAgentConfig.of(hostOf(bound), bound.getPort(), listen.transport())
                .withTransactions(transactions);
        UserAgent userAgent = new UserAgent(transport, new ScheduledTimerService(scheduler), uaConfig, handler);
        handOff.target = userAgent.inboundHandler();
        return new SipEndpoint(transport, userAgent, handOff);
    }

    /** {@link #start(ListenPoint, TransportConfig, TransactionConfig, ThreadFactory, ScheduledExecutorService, IncomingCallHandler)} with defaults. */
    public static SipEndpoint start(ListenPoint listen, ThreadFactory threads, ScheduledExecutorService scheduler,
                                    IncomingCallHandler handler) {
        return start(listen, TransportConfig.builder().build(), TransactionConfig.defaults(), threads, scheduler, handler);
    }

    public UserAgent userAgent() {
        return userAgent;
    }

    public SipTransportLayer transport() {
        return transport;
    }

    /** The bound socket address. */
    public InetSocketAddress address() {
        return transport.boundListenPoints().get(0).address();
    }

    /** Messages that arrived in the instant between bind and the user agent's creation. */
    public long droppedBeforeStart() {
        return handOff.early.get();
    }

    /**
     * Stops the user agent (its timers) and the transport within {@code timeout}.
     *
     * @return true when the transport's event loops ended in time
     */
    public boolean stop(Duration timeout) {
        userAgent.shutdown();
        return transport.stop(timeout);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    private static String hostOf(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** Forwards to the user agent once it exists; counts what came before (there is no one to answer yet). */
    private static final class HandOff implements InboundMessageHandler {
        private volatile InboundMessageHandler target;
        private final AtomicLong early = new AtomicLong();

        @Override
        public void onMessage(SipMessage message, Flow flow) {
            InboundMessageHandler handler = target;
            if (handler == null) {
                early.incrementAndGet();
            } else {
                handler.onMessage(message, flow);
            }
        }
    }
}
