package io.voxplane.stack.registrar;

import io.voxplane.sip.SipMessage;
import io.voxplane.stack.timer.TimerService;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transaction.TransactionLayer;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.SipTransportLayer;
import io.voxplane.stack.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * A standalone registrar on one listen point: the Netty transport, the transaction layer and a
 * {@link RegistrarTransactionUser}, wired without a container (tests, benchmarks, tools). The
 * caller owns the timer service and the {@link RegistrationSweeper}; several endpoints (UDP and
 * TCP) may share one registrar.
 *
 * <p>Lifecycle: {@link #start} binds and returns a running endpoint; {@link #stop(Duration)}
 * shuts the transaction layer and closes the transport's sockets and event loops.
 */
public final class RegistrarEndpoint implements AutoCloseable {

    private final SipTransportLayer transport;
    private final TransactionLayer transactions;

    private RegistrarEndpoint(SipTransportLayer transport, TransactionLayer transactions) {
        this.transport = transport;
        this.transactions = transactions;
    }

    /**
     * Binds {@code listen} (port 0 picks a free one) and serves REGISTER through {@code user}.
     *
     * @param threads event-loop threads of the transport
     * @param timers  SIP transaction timers
     */
    public static RegistrarEndpoint start(ListenPoint listen, TransportConfig transportConfig, TransactionConfig config,
                                          ThreadFactory threads, TimerService timers, RegistrarTransactionUser user) {
        Objects.requireNonNull(user, "user");
        HandOff handOff = new HandOff();
        SipTransportLayer transport = new SipTransportLayer(transportConfig.toBuilder().listen(listen).build(), threads,
                handOff);
        TransactionLayer transactions = new TransactionLayer(transport, timers, config, user);
        handOff.target = transactions;
        transport.start();
        return new RegistrarEndpoint(transport, transactions);
    }

    /** The bound socket address. */
    public InetSocketAddress address() {
        return transport.boundListenPoints().get(0).address();
    }

    public SipTransportLayer transport() {
        return transport;
    }

    public TransactionLayer transactions() {
        return transactions;
    }

    /**
     * Stops taking transactions and closes the transport within {@code timeout}.
     *
     * @return true when the transport's event loops ended in time
     */
    public boolean stop(Duration timeout) {
        transactions.shutdown();
        return transport.stop(timeout);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /** Lets the transport exist before the transaction layer that needs it as its sender. */
    private static final class HandOff implements InboundMessageHandler {
        private volatile InboundMessageHandler target;

        @Override
        public void onMessage(SipMessage message, Flow flow) {
            target.onMessage(message, flow);
        }
    }
}
