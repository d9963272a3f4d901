package io.voxplane.runtime.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Observes {@link SessionEvent}s: records the order per key, notices two events of one key
 * observed at once, and can be told to block (gate) or to throw for one sequence number. Tests
 * reach it through its client proxy, hence methods rather than fields.
 */
@ApplicationScoped
public class SessionRecorder {

    private final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> busy = new ConcurrentHashMap<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger observed = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile int failOn = -1;

    Map<String, List<Integer>> seen() {
        return seen;
    }

    int overlaps() {
        return overlaps.get();
    }

    int observed() {
        return observed.get();
    }

    void gate(CountDownLatch latch) {
        gate = latch;
    }

    void failOn(int sequence) {
        failOn = sequence;
    }

    void onEvent(@ObservesAsync SessionEvent event) throws InterruptedException {
        AtomicBoolean running = busy.computeIfAbsent(event.key(), k -> new AtomicBoolean());
        if (!running.compareAndSet(false, true)) {
            overlaps.incrementAndGet();
        }
        try {
            gate.await();
            seen.computeIfAbsent(event.key(), k -> new CopyOnWriteArrayList<>()).add(event.sequence());
            if (event.sequence() == failOn) {
                throw new IllegalStateException("observer fails on purpose for " + event);
            }
        } finally {
            running.set(false);
            observed.incrementAndGet();
        }
    }
}
