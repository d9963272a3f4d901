package io.voxplane.runtime.task;

import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * A named, prioritised task of a {@link TaskTracker}: a {@link FutureTask} that reports its end (completed,
 * failed or cancelled) to the tracker exactly once. A periodic task runs again until it fails or
 * is cancelled.
 */
final class TrackedTask extends FutureTask<Void> {

    private final String name;
    private final TaskPriority priority;
    private final TaskTracker tracker;
    private final boolean periodic;
    private volatile boolean failed;
    private volatile Future<?> carrier;
    private volatile boolean running;

    TrackedTask(String name, TaskPriority priority, Runnable body, TaskTracker tracker, boolean periodic) {
        super(body, null);
        this.name = name;
        this.priority = priority;
        this.tracker = tracker;
        this.periodic = periodic;
    }

    String name() {
        return name;
    }

    TaskPriority priority() {
        return priority;
    }

    /** What the admin endpoint and the leak check show of this task. */
    TaskInfo info() {
        return new TaskInfo(tracker.name(), name, priority, periodic, running);
    }

    boolean isPeriodic() {
        return periodic;
    }

    /** Whether a thread is inside the task's body now (even if the task was cancelled meanwhile). */
    boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        running = true;
        try {
            if (!periodic) {
                super.run();
            } else if (!runAndReset() && !isDone()) {
                // runAndReset returns false only when the task threw (setException made it done) or was cancelled.
                cancel(false);
            }
        } finally {
            running = false;
            tracker.onTaskExit(this);
        }
    }

    @Override
    protected void setException(Throwable failure) {
        failed = true;
        tracker.onTaskFailure(this, failure);
        super.setException(failure);
    }

    /**
     * Remembers the scheduler's future that runs this task, so that ending the task (cancel,
     * failure of a periodic run) also removes it from the scheduler.
     */
    void carriedBy(Future<?> scheduled) {
        carrier = scheduled;
        if (isDone()) {
            scheduled.cancel(false);
        }
    }

    /** Marks the task failed when its executor refused it. */
    void reject(Throwable cause) {
        setException(cause);
    }

    @Override
    protected void done() {
        Future<?> scheduled = carrier;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        tracker.onTaskEnd(this, isCancelled(), failed);
    }

    @Override
    public String toString() {
        return name;
    }
}
