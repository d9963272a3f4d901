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
import io.voxplane.runtime.lifecycle.CallTerminator;
import io.voxplane.runtime.lifecycle.PhaseConfirmed;
import io.voxplane.runtime.lifecycle.PlaneStarted;
import io.voxplane.runtime.lifecycle.ShutdownPhase;
import io.voxplane.runtime.lifecycle.ShutdownPhaseStarted;
import io.voxplane.runtime.task.TaskPriority;
import io.voxplane.runtime.task.TaskTracker;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.dns.DnsTargetResolver;
import io.voxplane.stack.transaction.SipIdGenerator;
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
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The signaling plane: runs the RFC 3261 s17 {@link TransactionLayer}, fed by
 * {@link SipMessageReceived} events (in order per Call-ID), with new requests going to the
 * {@link RequestDispatcher}. It opens no socket: what it sends leaves as bus events through
 * {@link BusMessageSender}. SIP timers run on the stack's {@link ScheduledTimerService} over the
 * plane's tracked scheduler.
 *
 * <p>Started once by the container before the transport plane. Stopped by the phased shutdown
 * ({@link ShutdownPhaseStarted}, docs/operations.md), confirming each phase with
 * {@link PhaseConfirmed}:
 * <ul>
 * <li>INITIATED: new out-of-dialog requests (no To tag, not ACK or CANCEL, not a retransmission)
 * are answered here with 503 and Retry-After (RFC 3261 s21.5.4); in-dialog requests, ACK and
 * CANCEL still go through;</li>
 * <li>DRAINING: background tasks cancelled; confirmed once no non-INVITE transaction waits for
 * its final response and either no call is up or the drain window passed;</li>
 * <li>TERMINATING: every {@link CallTerminator} ends its calls (BYE, 487, CANCEL) over the still
 * running transport; then the transaction layer refuses new transactions, pending sends fail,
 * timers and tasks are cancelled.</li>
 * </ul>
 * Without a shutdown coordinator the plane stops in one step when the container destroys it.
 * Idempotent.
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

    @Inject
    Instance<CallTerminator> terminators;

    @Inject
    Event<PlaneStarted> started;

    @Inject
    Event<PhaseConfirmed> confirmations;

    /**
     * How often DRAINING looks whether the in-flight transactions and the calls are done: 5 ms
     * adds at most that to a shutdown and costs nothing measurable for the few hundred ms it runs.
     */
    static final Duration DRAIN_CHECK_INTERVAL = Duration.ofMillis(5);

    /**
     * Share of the TERMINATING timeout given to the {@link CallTerminator}s: the rest is for
     * stopping the plane and confirming before the coordinator forces the phase.
     */
    static final double TERMINATE_SHARE = 0.75;

    /**
     * How long stop waits for tasks cancelled while running (a delivery in progress) to return
     * before it reports them as left over: deliveries take microseconds to milliseconds.
     */
    static final Duration TASKS_END = Duration.ofMillis(200);

    /** Retry-After (seconds) of the 503 to new requests once shutdown began; null while accepting. */
    private volatile String refusingRetryAfter;
    private volatile Future<?> drainCheck;

    private volatile PlaneState state = PlaneState.NEW;
    private volatile TransactionLayer transactions;
    private volatile StatefulProxy proxy;
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
                StatefulProxy core = new StatefulProxy(sender, timers, proxyConfig(), router);
                if (dispatcher instanceof ProxyCoreAware aware) {
                    aware.attach(core);
                }
                transactions = core.transactions();
                proxy = core;
            } else {
                transactions = new TransactionLayer(sender, timers, settings.transactions(),
                        new DispatchingTransactionUser(dispatcher));
            }
            state = PlaneState.RUNNING;
            started.fire(new PlaneStarted(Plane.SIGNALING));
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
     * Next hops (proxy branches, the app UA and B2BUA legs, which share this config) are resolved
     * by DNS per RFC 3263 ({@link DnsTargetResolver}, keys {@code voxplane.dns.*}).
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
        return ProxyConfig.of(host, port, first.transport()).withTransactions(settings.transactions())
                .withResolver(new DnsTargetResolver(settings.dns()))
                .withMaxDialogs(settings.proxyMaxDialogs()).withDialogMaxIdle(settings.proxyDialogMaxIdle());
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
            try {
                tasks.awaitIdle(TASKS_END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> leaks = tasks.leaks();
            if (!leaks.isEmpty()) {
                LOG.log(Level.WARNING, "VXRT-003 signaling plane stopped with work left: " + leaks);
            }
        }
        state = PlaneState.STOPPED;
        // DEBUG: the shutdown report says it; a log line costs tens of ms while Payara shuts down
        LOG.log(Level.DEBUG, "signaling plane stopped");
    }

    public PlaneState state() {
        return state;
    }

    /** Live transactions, 0 before start. */
    public int transactionCount() {
        TransactionLayer layer = transactions;
        return layer == null ? 0 : layer.transactionCount();
    }

    /**
     * The proxy core, once started with a dispatcher that proxies (the app model); empty for a
     * plain dispatcher. {@link ProxiedCallTerminator} ends the dialogs it record-routed.
     */
    public Optional<StatefulProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** The plane's task counters and leaks, once started. */
    public Optional<TaskTracker> tasks() {
        return Optional.ofNullable(tasks);
    }

    /** Live non-INVITE transactions still without their final response, 0 before start. */
    public int pendingTransactionCount() {
        TransactionLayer layer = transactions;
        return layer == null ? 0 : layer.pendingNonInviteCount();
    }

    /** Whether new out-of-dialog requests are turned away with 503 (the shutdown began). */
    public boolean isRefusingNewRequests() {
        return refusingRetryAfter != null;
    }

    void onMessage(@ObservesAsync SipMessageReceived received) {
        TransactionLayer layer = transactions;
        if (layer == null || state != PlaneState.RUNNING) {
            return;
        }
        String retryAfter = refusingRetryAfter;
        if (retryAfter != null && received.message() instanceof SipRequest request && isNewOutOfDialog(request, layer)) {
            SipResponse unavailable = SipResponse.replyTo(request, 503)
                    .to(request.to().withTag(SipIdGenerator.newTag()))
                    .setHeader("Retry-After", retryAfter)
                    .build();
            layer.sendStateless(unavailable, received.flow());
            return;
        }
        layer.onMessage(received.message(), received.flow());
    }

    /**
     * A request that would start something new: no To tag (RFC 3261 s12.2 calls the others
     * in-dialog), not ACK or CANCEL (which belong to an INVITE already taken), and not a
     * retransmission of a request whose transaction is live.
     */
    private static boolean isNewOutOfDialog(SipRequest request, TransactionLayer layer) {
        return request.to().tag().isEmpty() && !request.isAck() && !request.isCancel()
                && layer.findServerTransaction(request).isEmpty();
    }

    void onShutdownPhase(@ObservesAsync ShutdownPhaseStarted phase) {
        try {
            runPhase(phase);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "VXRT-205 signaling plane failed its part of shutdown phase " + phase.phase(), e);
            confirm(phase.phase(), List.of("failed: " + e));
        }
    }

    private void runPhase(ShutdownPhaseStarted phase) {
        if (state != PlaneState.RUNNING) {
            confirm(phase.phase(), List.of());
            return;
        }
        switch (phase.phase()) {
            case INITIATED -> {
                refusingRetryAfter = phase.settings().retryAfterHeader();
                confirm(ShutdownPhase.INITIATED, List.of());
            }
            case DRAINING -> drain(phase.settings().drainWindow());
            case TERMINATING -> terminate(phase.settings().terminatingTimeout());
            case COMPLETED, RUNNING -> confirm(phase.phase(), List.of());
        }
    }

    private void drain(Duration drainWindow) {
        tasks.cancel(TaskPriority.BACKGROUND, false);
        long windowEnd = System.nanoTime() + drainWindow.toNanos();
        if (drained(windowEnd)) {
            confirm(ShutdownPhase.DRAINING, List.of());
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        done.thenRun(() -> confirm(ShutdownPhase.DRAINING, List.of()));
        drainCheck = tasks.scheduleAtFixedRate("shutdown-drain-check", TaskPriority.CRITICAL, () -> {
            if (drained(windowEnd) && done.complete(null)) {
                Future<?> self = drainCheck;
                if (self != null) {
                    self.cancel(false);
                }
            }
        }, DRAIN_CHECK_INTERVAL, DRAIN_CHECK_INTERVAL);
    }

    private boolean drained(long windowEnd) {
        return pendingTransactionCount() == 0 && (activeCalls() == 0 || System.nanoTime() - windowEnd >= 0);
    }

    private int activeCalls() {
        int calls = 0;
        for (CallTerminator terminator : terminators) {
            calls += terminator.activeCalls();
        }
        return calls;
    }

    private void terminate(Duration phaseTimeout) {
        Future<?> check = drainCheck;
        if (check != null) {
            check.cancel(false);
        }
        tasks.cancel(TaskPriority.BACKGROUND, false);
        Duration forCalls = Duration.ofNanos((long) (phaseTimeout.toNanos() * TERMINATE_SHARE));
        List<CompletableFuture<Void>> endings = new ArrayList<>();
        for (CallTerminator terminator : terminators) {
            try {
                endings.add(terminator.terminateAll(forCalls).toCompletableFuture());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "VXRT-204 " + terminator.getClass().getName() + " failed to end its calls", e);
            }
        }
        CompletableFuture<Void> ended = CompletableFuture.allOf(endings.toArray(CompletableFuture[]::new));
        // A terminator that never completes must not keep the plane from stopping.
        CompletableFuture<Void> bounded = new CompletableFuture<>();
        ended.whenComplete((ok, failure) -> bounded.complete(null));
        if (!ended.isDone()) {
            tasks.schedule("shutdown-terminate-deadline", TaskPriority.CRITICAL, () -> bounded.complete(null), forCalls);
        }
        // Stop from a task of the shared tracker: the stage may complete inside one of this plane's
        // tasks, which stop() would interrupt.
        Duration settle = phaseTimeout.minus(forCalls);
        bounded.thenRunAsync(() -> stopAndConfirm(settle),
                task -> trackers.shared().submit("shutdown-signaling-stop", TaskPriority.CRITICAL, task));
    }

    private void stopAndConfirm(Duration settle) {
        int callsLeft = activeCalls();
        stop();
        List<String> left = new ArrayList<>();
        if (callsLeft > 0) {
            left.add(callsLeft + " calls still active");
        }
        try {
            tasks.awaitIdle(settle.dividedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        left.addAll(tasks.leaks());
        confirm(ShutdownPhase.TERMINATING, left);
    }

    private void confirm(ShutdownPhase phase, List<String> left) {
        confirmations.fire(new PhaseConfirmed(Plane.SIGNALING, phase, left));
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
