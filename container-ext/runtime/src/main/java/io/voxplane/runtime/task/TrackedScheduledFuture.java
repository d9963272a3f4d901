package io.voxplane.runtime.task;

import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a scheduled {@link TrackedTask}: results come from the task, the delay from the
 * scheduler's future; cancelling the task also cancels the scheduler's future.
 */
final class TrackedScheduledFuture implements ScheduledFuture<Object> {

    private final TrackedTask task;
    private final ScheduledFuture<?> scheduled;

    TrackedScheduledFuture(TrackedTask task, ScheduledFuture<?> scheduled) {
        this.task = task;
        this.scheduled = scheduled;
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return scheduled.getDelay(unit);
    }

    @Override
    public int compareTo(Delayed other) {
        return scheduled.compareTo(other);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return task.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        return task.isCancelled();
    }

    @Override
    public boolean isDone() {
        return task.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
        return task.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return task.get(timeout, unit);
    }
}
