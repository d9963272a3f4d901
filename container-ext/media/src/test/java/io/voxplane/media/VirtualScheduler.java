package io.voxplane.media;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scheduler and clock on virtual time: tasks run on the test thread, in time order, when the
 * test calls {@link #advance}. Scheduling is thread-safe (event loops schedule too).
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService, NanoClock {

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private final AtomicLong order = new AtomicLong();
    private volatile long now = 1_000_000_000L;
    private boolean shutdown;

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves time forward, running every task that falls due on the way. */
    public void advance(Duration d) {
        long target = now + d.toNanos();
        while (true) {
            Task<?> t;
            synchronized (this) {
                t = queue.peek();
                if (t == null || t.at > target) {
                    break;
                }
                queue.poll();
            }
            if (t.at > now) {
                now = t.at;
            }
            t.runOnce();
        }
        now = target;
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Runs what is due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks waiting (not cancelled). */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.isCancelled()).count();
    }

    private synchronized <V> Task<V> add(Task<V> t) {
        queue.add(t);
        return t;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(() -> {
            command.run();
            return null;
        }, now + unit.toNanos(Math.max(0, delay)), 0, false));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, now + unit.toNanos(Math.max(0, delay)), 0, false));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return add(new Task<>(() -> {
            command.run();
            return null;
        }, now + unit.toNanos(initialDelay), unit.toNanos(period), true));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return add(new Task<>(() -> {
            command.run();
            return null;
        }, now + unit.toNanos(initialDelay), unit.toNanos(delay), false));
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        queue.clear();
        return new ArrayList<>();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task<V> implements ScheduledFuture<V> {
        private final Callable<V> body;
        private final long seq = order.incrementAndGet();
        private final long period;
        private final boolean fixedRate;
        private long at;
        private volatile boolean cancelled;
        private volatile boolean done;
        private V result;
        private Throwable failure;

        Task(Callable<V> body, long at, long period, boolean fixedRate) {
            this.body = body;
            this.at = at;
            this.period = period;
            this.fixedRate = fixedRate;
        }

        void runOnce() {
            if (cancelled) {
                return;
            }
            try {
                result = body.call();
            } catch (Throwable e) {
                failure = e;
                done = true;
                return;
            }
            if (period > 0 && !cancelled) {
                at = fixedRate ? at + period : now + period;
                add(this);
            } else {
                done = true;
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> t = (Task<?>) o;
            int c = Long.compare(at, t.at);
            return c != 0 ? c : Long.compare(seq, t.seq);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            synchronized (VirtualScheduler.this) {
                queue.remove(this);
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public V get() throws ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return result;
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws ExecutionException {
            return get();
        }
    }
}
