package io.voxplane.runtime.app;

import io.voxplane.api.Call;
import io.voxplane.api.DialogState;
import io.voxplane.api.SipTimer;
import io.voxplane.stack.timer.TimerHandle;
import io.voxplane.stack.timer.TimerService;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The {@link Call} of one Call-ID. Alive while it is held (one hold per request being handled,
 * taken by {@link CallRegistry#open}) or a timer is pending; when the last hold is released with
 * no timer pending, or on {@link #end()}, it ends: timers cancelled, attributes dropped, removed
 * from its registry. Handlers and timer tasks run under one lock ({@link #runSerially}), so they
 * never overlap for one call. Timers run on the injected {@link TimerService} (virtual time in
 * tests, the signaling plane's tracked scheduler in the container).
 */
final class AppCall implements Call {

    private static final System.Logger LOG = System.getLogger(AppCall.class.getName());

    private final String callId;
    private final TimerService timers;
    private final Consumer<AppCall> onEnd;
    private final ReentrantLock serial = new ReentrantLock();
    private final ConcurrentHashMap<String, Object> attributes = new ConcurrentHashMap<>();
    private final Set<TimerHandle> pending = new HashSet<>();
    private int holds;
    private boolean ended;
    private volatile AppLeg leg;

    AppCall(String callId, TimerService timers, Consumer<AppCall> onEnd) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.timers = timers;
        this.onEnd = onEnd;
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public <T> Optional<T> attribute(String name, Class<T> type) {
        Object value = attributes.get(name);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public SipTimer schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            if (ended) {
                return () -> false;
            }
            TimerHandle[] handle = new TimerHandle[1];
            handle[0] = timers.schedule(delay, () -> fire(handle[0], task));
            pending.add(handle[0]);
            return () -> cancel(handle[0]);
        }
    }

    @Override
    public DialogState dialogState() {
        AppLeg current = leg;
        return current == null ? DialogState.NONE : current.dialogState();
    }

    @Override
    public void hangup() {
        AppLeg current = leg;
        if (current != null) {
            current.terminate();
        }
    }

    /** The leg the app now holds in this call as a user agent (the latest wins). */
    void attach(AppLeg value) {
        leg = Objects.requireNonNull(value, "leg");
    }

    @Override
    public void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            for (TimerHandle handle : pending) {
                handle.cancel();
            }
            pending.clear();
            attributes.clear();
        }
        onEnd.accept(this);
    }

    /** Runs {@code work} with no other handler or timer of this call running. */
    void runSerially(Runnable work) {
        serial.lock();
        try {
            work.run();
        } finally {
            serial.unlock();
        }
    }

    /** Takes a hold; false when the call already ended (the registry then makes a new one). */
    synchronized boolean tryHold() {
        if (ended) {
            return false;
        }
        holds++;
        return true;
    }

    /** Releases a hold; the call ends when none is left and no timer is pending. */
    void release() {
        boolean end;
        synchronized (this) {
            holds = Math.max(0, holds - 1);
            end = !ended && holds == 0 && pending.isEmpty();
        }
        if (end) {
            end();
        }
    }

    synchronized boolean isEnded() {
        return ended;
    }

    synchronized int pendingTimers() {
        return pending.size();
    }

    private boolean cancel(TimerHandle handle) {
        boolean removed;
        synchronized (this) {
            removed = pending.remove(handle);
        }
        if (removed) {
            handle.cancel();
            releaseIfIdle();
        }
        return removed;
    }

    private void fire(TimerHandle handle, Runnable task) {
        synchronized (this) {
            if (ended || !pending.remove(handle)) {
                return;
            }
        }
        try {
            runSerially(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, AppCodes.HANDLER_FAILED + " timer task of call " + callId + " threw", e);
        }
        releaseIfIdle();
    }

    private void releaseIfIdle() {
        boolean end;
        synchronized (this) {
            end = !ended && holds == 0 && pending.isEmpty();
        }
        if (end) {
            end();
        }
    }
}
