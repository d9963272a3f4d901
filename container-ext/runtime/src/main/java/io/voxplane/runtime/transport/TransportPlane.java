package io.voxplane.runtime.transport;

import io.netty.channel.epoll.Epoll;
import io.voxplane.runtime.Plane;
import io.voxplane.runtime.PlanePriorities;
import io.voxplane.runtime.PlaneStartException;
import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.config.VoxplaneSettings;
import io.voxplane.runtime.events.SendFailed;
import io.voxplane.runtime.events.SendSipRequest;
import io.voxplane.runtime.events.SendSipResponse;
import io.voxplane.runtime.events.SipMessageReceived;
import io.voxplane.runtime.events.SipSent;
import io.voxplane.runtime.lifecycle.PhaseConfirmed;
import io.voxplane.runtime.lifecycle.PlaneStarted;
import io.voxplane.runtime.lifecycle.ShutdownPhase;
import io.voxplane.runtime.lifecycle.ShutdownPhaseStarted;
import io.voxplane.runtime.task.TaskPriority;
import io.voxplane.runtime.task.TaskTracker;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.IoTransport;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.SipTransportLayer;
import io.voxplane.stack.transport.TransportErrorCode;
import io.voxplane.stack.transport.TransportException;
import io.voxplane.stack.transport.TransportStatistics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The transport plane: owns the {@link SipTransportLayer} (SIP over UDP and TCP, RFC 3261 s18).
 * Every message read is published as {@link SipMessageReceived}; {@link SendSipRequest} and
 * {@link SendSipResponse} events are written and answered with {@link SipSent} or
 * {@link SendFailed}. It knows no other plane.
 *
 * <p>Back-pressure (docs/architecture.md): when the bus refuses a received request because
 * signaling is saturated, the request is answered here with 503 and Retry-After (RFC 3261
 * s21.5.4), never dropped silently.
 *
 * <p>Started once by the container ({@code @Initialized(ApplicationScoped.class)}); a listen point
 * that cannot be bound fails the deployment with {@link PlaneStartException}. In the phased
 * shutdown ({@link ShutdownPhaseStarted}, docs/operations.md) it keeps carrying messages until
 * COMPLETED, so that the signaling plane can still send its BYEs in TERMINATING; in COMPLETED it
 * closes its sockets, ends its event loops, cancels its tasks and confirms with
 * {@link PhaseConfirmed}. Without a shutdown coordinator it stops on
 * {@code @BeforeDestroyed(ApplicationScoped.class)} or {@code @PreDestroy}, whichever comes
 * first; stopping again does nothing.
 */
@ApplicationScoped
public class TransportPlane {

    private static final System.Logger LOG = System.getLogger(TransportPlane.class.getName());

    /**
     * Seconds a caller refused with 503 should wait before retrying: one second lets a
     * momentary backlog drain without the caller giving up on the node.
     */
    static final String RETRY_AFTER_SECONDS = "1";

    @Inject
    Bus bus;

    @Inject
    TaskTrackers trackers;

    @Inject
    VoxplaneSettings settings;

    @Inject
    Event<PlaneStarted> started;

    @Inject
    Event<PhaseConfirmed> confirmations;

    /**
     * Share of the COMPLETED timeout given to closing the sockets and event loops: the rest is for
     * the event loop threads to end and the confirmation to reach the coordinator.
     */
    static final double CLOSE_SHARE = 0.75;

    /**
     * How long stop waits for the event loop threads to end after their group terminated (they
     * end within milliseconds) before it reports them as left over.
     */
    static final Duration THREADS_END = Duration.ofMillis(200);

    /** Netty's helper thread ends a second after its last task; a little more is allowed. */
    static final Duration NETTY_HELPER_END = Duration.ofMillis(2500);

    private volatile PlaneState state = PlaneState.NEW;
    private volatile SipTransportLayer layer;
    private TaskTracker tasks;

    void onStartup(@Observes @Priority(PlanePriorities.TRANSPORT_START) @Initialized(ApplicationScoped.class)
            Object event) {
        start();
    }

    void onShutdown(@Observes @Priority(PlanePriorities.TRANSPORT_STOP) @BeforeDestroyed(ApplicationScoped.class)
            Object event) {
        stop();
    }

    /**
     * Stops (if the shutdown has not) and, as the deployment goes away, waits up to
     * {@link #NETTY_HELPER_END} for Netty's shared helper thread to end, so that no thread keeps
     * the undeployed application's classes (VXRT-008 when it did not).
     */
    @PreDestroy
    void destroy() {
        stop();
        if (!SipTransportLayer.awaitNettyHelperThreadEnd(NETTY_HELPER_END)) {
            LOG.log(Level.WARNING, "VXRT-008 Netty's globalEventExecutor thread still running "
                    + NETTY_HELPER_END.toMillis() + " ms after the transport stopped");
        }
    }

    /**
     * Binds every listen point. Does nothing when already started (the container fires
     * {@code @Initialized(ApplicationScoped.class)} once per module of an EAR).
     *
     * @throws PlaneStartException when a listen point cannot be bound
     */
    public synchronized void start() {
        if (state != PlaneState.NEW) {
            return;
        }
        state = PlaneState.STARTING;
        tasks = trackers.forPlane(Plane.TRANSPORT);
        try {
            SipTransportLayer transport = new SipTransportLayer(settings.transport(), tasks.threadFactory("io"),
                    this::onInbound);
            if (transport.ioTransport() == IoTransport.NIO) {
                LOG.log(Level.INFO, () -> "VXRT-002 Netty native epoll is not available, the SIP transport uses NIO: "
                        + Epoll.unavailabilityCause());
            }
            // Set before start: the first message may be read before start() returns.
            layer = transport;
            transport.start();
            state = PlaneState.RUNNING;
            started.fire(new PlaneStarted(Plane.TRANSPORT));
            LOG.log(Level.INFO, () -> "transport plane running on " + transport.ioTransport() + ", SIP on "
                    + transport.boundListenPoints());
        } catch (RuntimeException e) {
            state = PlaneState.FAILED;
            layer = null;
            tasks.close(true);
            throw new PlaneStartException(Plane.TRANSPORT, "cannot listen on " + settings.transport().listenPoints()
                    + " (" + e.getMessage() + "); set voxplane.sip.port / VOXPLANE_SIP_PORT or voxplane.sip.host", e);
        }
    }

    /**
     * Closes every socket and ends the event loops within {@link VoxplaneSettings#stopTimeout()},
     * then cancels what is left of the plane's tasks. Idempotent.
     */
    public void stop() {
        stop(settings.stopTimeout(), false);
    }

    /**
     * {@link #stop()} with the sockets and event loops given {@code timeout} to close; with
     * {@code nothingInFlight} (COMPLETED: signaling already stopped) the event loops end without
     * a quiet period.
     */
    private void stop(Duration timeout, boolean nothingInFlight) {
        SipTransportLayer transport;
        synchronized (this) {
            if (state == PlaneState.STOPPED || state == PlaneState.STOPPING) {
                return;
            }
            transport = layer;
            state = PlaneState.STOPPING;
        }
        if (transport != null) {
            if (nothingInFlight) {
                transport.stop(timeout, Duration.ZERO);
            } else {
                transport.stop(timeout);
            }
        }
        if (tasks != null) {
            tasks.close(true);
            try {
                tasks.awaitThreads(THREADS_END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> leaks = tasks.leaks();
            if (!leaks.isEmpty()) {
                LOG.log(Level.WARNING, "VXRT-003 transport plane stopped with work left: " + leaks);
            }
        }
        state = PlaneState.STOPPED;
        // DEBUG: the shutdown report says it; a log line costs tens of ms while Payara shuts down
        LOG.log(Level.DEBUG, "transport plane stopped");
    }

    public PlaneState state() {
        return state;
    }

    /** The bound listen points (actual ports); empty unless running. */
    public List<ListenPoint> listenPoints() {
        SipTransportLayer transport = layer;
        return transport == null || state != PlaneState.RUNNING ? List.of() : transport.boundListenPoints();
    }

    /** The Netty I/O mechanism in use, once started. */
    public Optional<IoTransport> ioTransport() {
        return Optional.ofNullable(layer).map(SipTransportLayer::ioTransport);
    }

    /** Transport counters, once started. */
    public Optional<TransportStatistics> statistics() {
        return Optional.ofNullable(layer).map(SipTransportLayer::statistics);
    }

    /** The plane's task counters and leaks, once started. */
    public Optional<TaskTracker> tasks() {
        return Optional.ofNullable(tasks);
    }

    void onShutdownPhase(@ObservesAsync ShutdownPhaseStarted phase) {
        if (phase.phase() == ShutdownPhase.DRAINING && tasks != null) {
            tasks.cancel(TaskPriority.BACKGROUND, false);
        }
        List<String> left = new ArrayList<>();
        if (phase.phase() == ShutdownPhase.COMPLETED) {
            Duration timeout = phase.settings().completedTimeout();
            Duration close = Duration.ofNanos((long) (timeout.toNanos() * CLOSE_SHARE));
            stop(close, true);
            if (tasks != null) {
                try {
                    Duration settle = timeout.minus(close).dividedBy(2);
                    tasks.awaitIdle(settle);
                    tasks.awaitThreads(settle);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                left.addAll(tasks.leaks());
            }
        }
        confirmations.fire(new PhaseConfirmed(Plane.TRANSPORT, phase.phase(), left));
    }

    private void onInbound(SipMessage message, Flow flow) {
        if (bus.publish(new SipMessageReceived(message, flow))) {
            return;
        }
        if (message instanceof SipRequest request && !request.isAck()) {
            SipResponse busy = SipResponse.replyTo(request, 503).setHeader("Retry-After", RETRY_AFTER_SECONDS).build();
            layer.sendResponse(busy, flow);
        }
    }

    void onSendRequest(@ObservesAsync SendSipRequest send) {
        String callId = send.request().callId();
        reportOutcome(send.sendId(), callId, () -> layer.sendRequest(send.request(), send.target()));
    }

    void onSendResponse(@ObservesAsync SendSipResponse send) {
        String callId = send.response().callId();
        reportOutcome(send.sendId(), callId, () -> layer.sendResponse(send.response(), send.requestFlow()));
    }

    private void reportOutcome(long sendId, String callId, java.util.function.Supplier<CompletableFuture<Flow>> write) {
        CompletableFuture<Flow> written;
        SipTransportLayer transport = layer;
        if (transport == null || state != PlaneState.RUNNING) {
            bus.publish(new SendFailed(sendId, callId, TransportErrorCode.NOT_RUNNING, "transport plane is " + state));
            return;
        }
        try {
            written = write.get();
        } catch (RuntimeException e) {
            written = CompletableFuture.failedFuture(e);
        }
        written.whenComplete((flow, failure) -> {
            if (failure == null) {
                bus.publish(new SipSent(sendId, callId, flow));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                TransportErrorCode code = cause instanceof TransportException e ? e.errorCode() : null;
                String reason = String.valueOf(cause.getMessage());
                String prefix = code == null ? null : "[" + code.code() + "] ";
                if (prefix != null && reason.startsWith(prefix)) {
                    reason = reason.substring(prefix.length());
                }
                bus.publish(new SendFailed(sendId, callId, code, reason));
            }
        });
    }
}
