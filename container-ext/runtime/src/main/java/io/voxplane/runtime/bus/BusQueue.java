package io.voxplane.runtime.bus;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One bounded queue of the local bus: the events in flight to one plane (or to all, for the
 * broadcast queue), their counters, and the per-session mailboxes that keep session-bound events
 * in order. A slot is taken by {@link #tryAcquire()} before an event is fired and given back by
 * {@link #release(Throwable)} when its observers are done.
 */
final class BusQueue {

    private final String name;
    private final int maxInFlight;
    private final Executor executor;
    private final SerialMailboxes mailboxes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder published = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    BusQueue(String name, int maxInFlight, Executor executor) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive: " + maxInFlight);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.maxInFlight = maxInFlight;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.mailboxes = new SerialMailboxes(executor);
    }

    /** Takes an in-flight slot; false (and counted as rejected) when all are taken. */
    boolean tryAcquire() {
        while (true) {
            int current = inFlight.get();
            if (current >= maxInFlight) {
                rejected.increment();
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                published.increment();
                return true;
            }
        }
    }

    /** Gives a slot back after delivery; {@code failure} is null when every observer returned. */
    void release(Throwable failure) {
        inFlight.decrementAndGet();
        if (failure == null) {
            completed.increment();
        } else {
            failed.increment();
        }
    }

    /** Gives back a slot whose event was never fired (the executor refused it). */
    void refuse() {
        inFlight.decrementAndGet();
        published.decrement();
        rejected.increment();
    }

    /** The executor for an event: serial under {@code key}, or the plain executor when key is null. */
    Executor executorFor(String key) {
        return key == null ? executor : mailboxes.forKey(key);
    }

    BusQueueStatistics statistics() {
        return new BusQueueStatistics(name, inFlight.get(), maxInFlight, published.sum(), rejected.sum(),
                completed.sum(), failed.sum(), mailboxes.size());
    }
}
