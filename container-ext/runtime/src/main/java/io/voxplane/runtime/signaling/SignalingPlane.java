package io.voxplane.runtime.signaling;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.PlanePriorities;
import io.voxplane.runtime.PlaneStartException;
import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.app.ProxyCoreAware;
import io.voxplane.runtime.app.RequestDispatcher;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.config.VoxplaneSettings;
import io.voxplane.runtime.events.SendFailed;
import io.voxplane.runtime.events.SipMessageReceived;
import io.voxplane.runtime.events.SipSent;
import io.voxplane.runtime.task.TaskTracker;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.stack.proxy.ProxyConfig;
import io.voxplane.stack.proxy.ProxyRouter;
import io.voxplane.stack.proxy.StatefulProxy;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transport.ListenPoint;
import java.net.InetSocketAddress;
import io.voxplane.stack.transaction.TransactionLayer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * The signaling plane: runs the RFC 3261 s17 {@link TransactionLayer}, fed by
 * {@link SipMessageReceived} events (in order per Call-ID), with new requests going to the
 * {@link RequestDispatcher}. It opens no socket: what it sends leaves as bus events through
 * {@link BusMessageSender}. SIP timers run on the stack's {@link ScheduledTimerService} over the
 * plane's tracked scheduler.
 *
 * <p>Started once by the container before the transport plane; stopped after it: the transaction
 * layer refuses new transactions (503), pending sends fail, timers are cancelled. Idempotent.
 */
@ApplicationScoped
public class SignalingPlane {

    private static final System.Logger LOG = System.getLogger(SignalingPlane.class.getName());

    @Inject
    Bus bus;

    @Inject
    TaskTrackers trackers;

    @Inject
    VoxplaneSettings settings;

    @Inject
    RequestDispatcher dispatcher;

    private volatile PlaneState state = PlaneState.NEW;
    private volatile TransactionLayer transactions;
    private BusMessageSender sender;
    private TaskTracker tasks;

    void onStartup(@Observes @Priority(PlanePriorities.SIGNALING_START) @Initialized(ApplicationScoped.class)
            Object event) {
        start();
    }

    void onShutdown(@Observes @Priority(PlanePriorities.SIGNALING_STOP) @BeforeDestroyed(ApplicationScoped.class)
            Object event) {
        stop();
    }

    @PreDestroy
    void destroy() {
        stop();
    }

    /** Creates the transaction layer. Does nothing when already started. */
    public synchronized void start() {
        if (state != PlaneState.NEW) {
            return;
        }
        state = PlaneState.STARTING;
        try {
            tasks = trackers.forPlane(Plane.SIGNALING);
            sender = new BusMessageSender(bus);
            ScheduledTimerService timers = new ScheduledTimerService(tasks.scheduler());
            // A dispatcher that proxies (the app model) runs as the router of a stateful proxy core
            // (RFC 3261 s16), which owns the transaction layer, CANCEL and ACK forwarding.
            if (dispatcher instanceof ProxyRouter router) {
                StatefulProxy proxy = new StatefulProxy(sender, timers, proxyConfig(), router);
                if (dispatcher instanceof ProxyCoreAware aware) {
                    aware.attach(proxy);
                }
                transactions = proxy.transactions();
            } else {
                transactions = new TransactionLayer(sender, timers, settings.transactions(),
                        new DispatchingTransactionUser(dispatcher));
            }
            state = PlaneState.RUNNING;
            LOG.log(Level.INFO, () -> "signaling plane running, dispatching to "
                    + dispatcher.getClass().getSimpleName() + ", T1 " + settings.transactions().t1());
        } catch (RuntimeException e) {
            state = PlaneState.FAILED;
            throw new PlaneStartException(Plane.SIGNALING, e.getMessage(), e);
        }
    }

    /**
     * The proxy core's own address (Via sent-by, Record-Route) from the first listen point; a
     * wildcard host stands for loopback, so deployments that proxy set {@code voxplane.sip.host}.
     */
    private ProxyConfig proxyConfig() {
        ListenPoint first = settings.transport().listenPoints().get(0);
        InetSocketAddress address = first.address();
        String host = address.getAddress() == null || address.getAddress().isAnyLocalAddress()
                ? "127.0.0.1" : address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        // Port 0 (tests: a free port picked at bind, after this plane starts) is not known here;
        // the default port keeps the proxy's Via and Record-Route well-formed.
        int port = address.getPort() == 0 ? ProxyConfig.DEFAULT_SIP_PORT : address.getPort();
        return ProxyConfig.of(host, port, first.transport()).withTransactions(settings.transactions());
    }

    /** Refuses new transactions, fails pending sends, cancels the plane's timers and tasks. Idempotent. */
    public void stop() {
        synchronized (this) {
            if (state == PlaneState.STOPPED || state == PlaneState.STOPPING) {
                return;
            }
            state = PlaneState.STOPPING;
        }
        if (transactions != null) {
            transactions.shutdown();
        }
        if (sender != null) {
            sender.failAll("signaling plane stopped");
        }
        if (tasks != null) {
            tasks.close(true);
            List<String> leaks = tasks.leaks();
            if (!leaks.isEmpty()) {
                LOG.log(Level.WARNING, "VXRT-003 signaling plane stopped with work left: " + leaks);
            }
        }
        state = PlaneState.STOPPED;
        LOG.log(Level.INFO, "signaling plane stopped");
    }

    public PlaneState state() {
        return state;
    }

    /** Live transactions, 0 before start. */
    public int transactionCount() {
        TransactionLayer layer = transactions;
        return layer == null ? 0 : layer.transactionCount();
    }

    /** The plane's task counters and leaks, once started. */
    public Optional<TaskTracker> tasks() {
        return Optional.ofNullable(tasks);
    }

    void onMessage(@ObservesAsync SipMessageReceived received) {
        TransactionLayer layer = transactions;
        if (layer != null && state == PlaneState.RUNNING) {
            layer.onMessage(received.message(), received.flow());
        }
    }

    void onSent(@ObservesAsync SipSent sent) {
        BusMessageSender s = sender;
        if (s != null) {
            s.onSent(sent);
        }
    }

    void onSendFailed(@ObservesAsync SendFailed failed) {
        BusMessageSender s = sender;
        if (s != null) {
            s.onFailed(failed);
        }
    }
}
