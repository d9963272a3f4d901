package io.voxplane.stack.timer;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link TimerService} on a virtual clock that only moves when {@link #advance(Duration)} is
 * called: for tests and the testkit, so that SIP timers (32 s, 64*T1 ...) are checked in
 * microseconds and exactly.
 *
 * <p>Deterministic: due tasks run on the thread calling {@code advance}, in order of due time,
 * and tasks due at the same instant in the order they were scheduled. A task scheduled while
 * advancing whose due time falls inside the advanced span runs in the same call, at its own
 * virtual instant ({@link #nanoTime()} reads that instant while it runs). A zero delay is due at
 * the current instant and runs at the next {@code advance} (including {@code advance(Duration.ZERO)}),
 * never inside {@code schedule}.
 *
 * <p>Thread-safe: scheduling and cancelling may happen from any thread; tasks themselves run
 * outside the internal lock, so they may schedule and cancel freely.
 */
public final class ManualTimerService implements TimerService {

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private int live;
    private long now;
    private long sequence;
    private boolean advancing;

    /** Starts the virtual clock at 0 ns. */
    public ManualTimerService() {
        this(0);
    }

    /** Starts the virtual clock at {@code startNanos}. */
    public ManualTimerService(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public synchronized TimerHandle schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long due = now + Math.max(0, delay.toNanos());
        Entry entry = new Entry(due, sequence++, task, this);
        queue.add(entry);
        live++;
        return entry;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /**
     * Moves the clock forward by {@code span} and runs every task that falls due, in order.
     *
     * @return how many tasks ran
     * @throws IllegalStateException when called from inside a task (re-entrant advancing would
     *                               break the ordering guarantee)
     */
    public int advance(Duration span) {
        if (span.isNegative()) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + span);
        }
        long target;
        synchronized (this) {
            if (advancing) {
                throw new IllegalStateException("advance() called from inside a timer task");
            }
            advancing = true;
            target = now + span.toNanos();
        }
        int ran = 0;
        try {
            while (true) {
                Entry next;
                synchronized (this) {
                    next = head();
                    if (next == null || next.due > target) {
                        now = target;
                        return ran;
                    }
                    queue.poll();
                    live--;
                    now = Math.max(now, next.due);
                    next.done = true;
                }
                next.task.run();
                ran++;
            }
        } finally {
            synchronized (this) {
                advancing = false;
            }
        }
    }

    /** Advances to the due time of the next pending task and runs what is due then; false when none. */
    public boolean runNext() {
        Duration wait;
        synchronized (this) {
            Entry next = head();
            if (next == null) {
                return false;
            }
            wait = Duration.ofNanos(next.due - now);
        }
        advance(wait);
        return true;
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pendingCount() {
        return live;
    }

    /** Time until the next pending task, or null when none is pending. */
    public synchronized Duration nextDueIn() {
        Entry next = head();
        return next == null ? null : Duration.ofNanos(next.due - now);
    }

    /** The earliest live entry; cancelled entries are dropped lazily here (O(log n) per cancel). */
    private Entry head() {
        Entry head = queue.peek();
        while (head != null && head.done) {
            queue.poll();
            head = queue.peek();
        }
        return head;
    }

    private synchronized boolean remove(Entry entry) {
        if (entry.done) {
            return false;
        }
        entry.done = true;
        live--;
        return true;
    }

    private static final class Entry implements TimerHandle, Comparable<Entry> {
        private final long due;
        private final long seq;
        private final Runnable task;
        private final ManualTimerService owner;
        private boolean done;
        private volatile boolean cancelled;

        Entry(long due, long seq, Runnable task, ManualTimerService owner) {
            this.due = due;
            this.seq = seq;
            this.task = task;
            this.owner = owner;
        }

        @Override
        public boolean cancel() {
            boolean removed = owner.remove(this);
            if (removed) {
                cancelled = true;
            }
            return removed;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public int compareTo(Entry other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }
}
