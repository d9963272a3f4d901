package io.voxplane.stack.timer;

/**
 * A scheduled task that can still be cancelled. Cancelling is idempotent and never throws; a task
 * that already ran is unaffected.
 */
public interface TimerHandle {

    /**
     * Prevents the task from running if it has not started yet.
     *
     * @return true if this call stopped the task, false if it had already run or been cancelled
     */
    boolean cancel();

    /** True once {@link #cancel()} succeeded. */
    boolean isCancelled();
}
