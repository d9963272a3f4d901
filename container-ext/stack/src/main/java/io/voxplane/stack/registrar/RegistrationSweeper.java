package io.voxplane.stack.registrar;

import io.voxplane.stack.timer.TimerHandle;
import io.voxplane.stack.timer.TimerService;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Purges expired bindings from a {@link LocationStore} every {@code interval}, on the
 * {@link TimerService} it is given (virtual time in tests). Expired bindings are already invisible
 * to lookups and responses; the sweep only frees their memory (RFC 3261 s10.3 does not say when).
 *
 * <p>Lifecycle: {@link #start()} once (later calls do nothing), {@link #stop()} idempotent; after
 * stop no sweep runs and nothing stays scheduled.
 */
public final class RegistrationSweeper {

    private final LocationStore store;
    private final TimerService timers;
    private final InstantSource clock;
    private final Duration interval;
    private final AtomicLong removed = new AtomicLong();
    private final AtomicLong sweeps = new AtomicLong();
    private TimerHandle next;
    private boolean started;
    private boolean stopped;

    public RegistrationSweeper(LocationStore store, TimerService timers, InstantSource clock, Duration interval) {
        this.store = Objects.requireNonNull(store, "store");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sweep interval must be positive: " + interval);
        }
        this.interval = interval;
    }

    /** Schedules the first sweep one interval from now. */
    public synchronized void start() {
        if (started || stopped) {
            return;
        }
        started = true;
        next = timers.schedule(interval, this::sweep);
    }

    /** Cancels the next sweep; no sweep is scheduled afterwards. */
    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** True while a sweep is scheduled. */
    public synchronized boolean isRunning() {
        return next != null && !stopped;
    }

    /** Bindings removed so far. */
    public long removedBindings() {
        return removed.get();
    }

    /** Sweeps run so far. */
    public long sweeps() {
        return sweeps.get();
    }

    private void sweep() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        try {
            removed.addAndGet(store.removeExpired(clock.millis()));
            sweeps.incrementAndGet();
        } finally {
            synchronized (this) {
                if (!stopped) {
                    next = timers.schedule(interval, this::sweep);
                }
            }
        }
    }
}
