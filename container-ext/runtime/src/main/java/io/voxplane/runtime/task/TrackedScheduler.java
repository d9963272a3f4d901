package io.voxplane.runtime.task;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link TaskTracker#scheduler()}: the tracker seen as a {@link ScheduledExecutorService}, so
 * that code written against the JDK interface (the stack's {@code ScheduledTimerService}) has its
 * tasks named {@value #TASK_NAME}, counted and cancelled on close. Shutting this view down closes
 * the tracker; it never shuts down the container's executors.
 */
final class TrackedScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** Name of tasks scheduled through this view. */
    static final String TASK_NAME = "timer";

    private final TaskTracker tracker;

    TrackedScheduler(TaskTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return tracker.schedule(TASK_NAME, command, Duration.ofNanos(unit.toNanos(delay)));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        FutureTask<V> result = new FutureTask<>(callable);
        ScheduledFuture<?> scheduled = schedule(result, delay, unit);
        return new CallableScheduledFuture<>(result, scheduled);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return tracker.scheduleAtFixedRate(TASK_NAME, command, Duration.ofNanos(unit.toNanos(initialDelay)),
                Duration.ofNanos(unit.toNanos(period)));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return tracker.scheduleWithFixedDelay(TASK_NAME, command, Duration.ofNanos(unit.toNanos(initialDelay)),
                Duration.ofNanos(unit.toNanos(delay)));
    }

    @Override
    public void execute(Runnable command) {
        tracker.submit(TASK_NAME, command);
    }

    @Override
    public void shutdown() {
        tracker.close(false);
    }

    @Override
    public List<Runnable> shutdownNow() {
        tracker.close(true);
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return tracker.isClosed();
    }

    @Override
    public boolean isTerminated() {
        return tracker.isClosed() && tracker.statistics().active() == 0;
    }

    /**
     * Waits for the tracked tasks to end, spinning with {@link Thread#onSpinWait()}: the tracker
     * has no termination signal of its own, and this is only called at shutdown.
     */
    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!isTerminated()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Result of a scheduled callable: the value from the callable, the delay from the schedule. */
    private record CallableScheduledFuture<V>(FutureTask<V> result, ScheduledFuture<?> scheduled)
            implements ScheduledFuture<V> {

        @Override
        public long getDelay(TimeUnit unit) {
            return scheduled.getDelay(unit);
        }

        @Override
        public int compareTo(java.util.concurrent.Delayed other) {
            return scheduled.compareTo(other);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            scheduled.cancel(mayInterruptIfRunning);
            return result.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return result.isCancelled();
        }

        @Override
        public boolean isDone() {
            return result.isDone();
        }

        @Override
        public V get() throws InterruptedException, java.util.concurrent.ExecutionException {
            return result.get();
        }

        @Override
        public V get(long timeout, TimeUnit unit)
                throws InterruptedException, java.util.concurrent.ExecutionException,
                java.util.concurrent.TimeoutException {
            return result.get(timeout, unit);
        }
    }
}
