package io.voxplane.runtime.task;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Named, counted work of one plane over executors the container owns (Jakarta Concurrency's
 * {@code ManagedExecutorService}, {@code ManagedScheduledExecutorService} and
 * {@code ManagedThreadFactory}; plain executors in tests).
 *
 * <p>Every task has a name and is counted (submitted, active, completed, failed, cancelled, see
 * {@link #statistics()}). {@link #close()} refuses new work and cancels what is queued or
 * scheduled; {@link #leaks()} then names whatever is still running, so a plane's stop can prove
 * it left nothing behind. The tracker never shuts the container's executors down.
 *
 * <p>Threads for Netty event loops come from {@link #threadFactory(String)}, which names them and
 * remembers them until they end. SIP timers use {@link #scheduler()}, a
 * {@link ScheduledExecutorService} view whose tasks are tracked too.
 */
public final class TaskTracker {

    private static final System.Logger LOG = System.getLogger(TaskTracker.class.getName());

    /**
     * Prefix of the names of the threads the trackers' factories make
     * ({@code voxplane-<tracker>-<prefix>-<n>}); the leak check looks for live threads named so.
     */
    public static final String THREAD_NAME_PREFIX = "voxplane-";

    /** Name of tasks given to {@link #executor()} without a name of their own (bus deliveries). */
    public static final String UNNAMED_TASK = "task";

    private final String name;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final ThreadFactory threadFactory;
    private final Set<TrackedTask> active = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final LongAdder submitted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final Object idle = new Object();
    private final Executor countedExecutor = task -> submit(UNNAMED_TASK, task);
    private final TrackedScheduler schedulerView = new TrackedScheduler(this);
    private volatile boolean closed;

    /**
     * @param name          the owner's name (a plane), used in thread names and messages
     * @param executor      runs one-shot tasks; owned by the caller
     * @param scheduler     runs delayed and periodic tasks; owned by the caller
     * @param threadFactory makes long-lived threads (event loops); owned by the caller
     */
    public TaskTracker(String name, ExecutorService executor, ScheduledExecutorService scheduler,
            ThreadFactory threadFactory) {
        this.name = Objects.requireNonNull(name, "name");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    }

    public String name() {
        return name;
    }

    /**
     * Runs {@code task} on the executor under {@code taskName}.
     *
     * @throws RejectedExecutionException when the tracker is closed or the executor refuses
     */
    public Future<?> submit(String taskName, Runnable task) {
        return submit(taskName, TaskPriority.NORMAL, task);
    }

    /**
     * Runs {@code task} on the executor under {@code taskName}, cancelled at shutdown as its
     * {@code priority} says.
     *
     * @throws RejectedExecutionException when the tracker is closed or the executor refuses
     */
    public Future<?> submit(String taskName, TaskPriority priority, Runnable task) {
        TrackedTask tracked = admit(taskName, priority, task, false);
        try {
            executor.execute(tracked);
        } catch (RejectedExecutionException e) {
            tracked.reject(e);
            throw e;
        }
        return tracked;
    }

    /** Runs {@code task} once after {@code delay} on the scheduler. */
    public ScheduledFuture<?> schedule(String taskName, Runnable task, Duration delay) {
        return schedule(taskName, TaskPriority.NORMAL, task, delay);
    }

    /** Runs {@code task} once after {@code delay} on the scheduler, with a shutdown priority. */
    public ScheduledFuture<?> schedule(String taskName, TaskPriority priority, Runnable task, Duration delay) {
        return scheduleTracked(admit(taskName, priority, task, false),
                t -> scheduler.schedule(t, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS));
    }

    /** Runs {@code task} every {@code period} after {@code initialDelay} until cancelled or it throws. */
    public ScheduledFuture<?> scheduleAtFixedRate(String taskName, Runnable task, Duration initialDelay,
            Duration period) {
        return scheduleAtFixedRate(taskName, TaskPriority.NORMAL, task, initialDelay, period);
    }

    /** Runs {@code task} every {@code period}, with a shutdown priority. */
    public ScheduledFuture<?> scheduleAtFixedRate(String taskName, TaskPriority priority, Runnable task,
            Duration initialDelay, Duration period) {
        return scheduleTracked(admit(taskName, priority, task, true), t -> scheduler.scheduleAtFixedRate(t,
                initialDelay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** Runs {@code task} with {@code delay} between the end of one run and the start of the next. */
    public ScheduledFuture<?> scheduleWithFixedDelay(String taskName, Runnable task, Duration initialDelay,
            Duration delay) {
        return scheduleTracked(admit(taskName, TaskPriority.NORMAL, task, true), t -> scheduler.scheduleWithFixedDelay(t,
                initialDelay.toNanos(), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** An executor whose tasks are tracked as {@value #UNNAMED_TASK}; used by the bus mailboxes. */
    public Executor executor() {
        return countedExecutor;
    }

    /**
     * A {@link ScheduledExecutorService} over this tracker (for the stack's
     * {@code ScheduledTimerService}). Its shutdown methods close the tracker, never the
     * container's scheduler.
     */
    public ScheduledExecutorService scheduler() {
        return schedulerView;
    }

    /**
     * A thread factory over the container's that names threads {@code voxplane-<name>-<prefix>-<n>}
     * and counts them while alive.
     */
    public ThreadFactory threadFactory(String prefix) {
        return runnable -> {
            if (closed) {
                throw new RejectedExecutionException("VXRT-101 task tracker " + name + " is closed");
            }
            Thread thread = threadFactory.newThread(runnable);
            if (thread != null) {
                String threadName = THREAD_NAME_PREFIX + name + "-" + prefix + "-" + threadNumber.incrementAndGet();
                try {
                    thread.setName(threadName);
                } catch (SecurityException e) {
                    LOG.log(Level.DEBUG, () -> "cannot rename managed thread " + thread.getName());
                }
                threads.add(thread);
            }
            return thread;
        };
    }

    /** The counters now. */
    public TaskStatistics statistics() {
        threads.removeIf(t -> !t.isAlive());
        return new TaskStatistics(submitted.sum(), active.size(), completed.sum(), failed.sum(), cancelled.sum(),
                threads.size());
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new work and cancels every queued or scheduled task (running ones are interrupted
     * only if {@code interrupt}). Idempotent.
     *
     * @return how many tasks were cancelled by this call
     */
    public int close(boolean interrupt) {
        closed = true;
        int count = 0;
        for (TrackedTask task : List.copyOf(active)) {
            if (task.cancel(interrupt)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Cancels the queued, scheduled and periodic tasks whose priority is {@code floor} or lower
     * ({@link TaskPriority#BACKGROUND} first), without closing the tracker: new work is still
     * taken. Running ones are interrupted only if {@code interrupt}.
     *
     * @return how many tasks were cancelled by this call
     */
    public int cancel(TaskPriority floor, boolean interrupt) {
        int count = 0;
        for (TrackedTask task : List.copyOf(active)) {
            if (task.priority().isAtOrBelow(floor) && task.cancel(interrupt)) {
                count++;
            }
        }
        return count;
    }

    /** The unfinished tasks now (queued, scheduled, periodic or running), for the admin endpoint. */
    public List<TaskInfo> activeTasks() {
        return active.stream().map(TrackedTask::info).toList();
    }

    /**
     * Waits up to {@code timeout} until no task of this tracker is queued, scheduled or running
     * (call it after {@link #close(boolean)}, or it may wait for periodic tasks forever).
     *
     * @return whether the tracker is idle
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!active.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** Names of the live threads this tracker's factories made. */
    public List<String> liveThreads() {
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    /**
     * Waits up to {@code timeout} for the threads this tracker made to end (Netty event loops end
     * a little after their group's termination future completes).
     *
     * @return whether none is alive any more
     */
    public boolean awaitThreads(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : List.copyOf(threads)) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Duration.ofNanos(left));
            }
        }
        return liveThreads().isEmpty();
    }

    /** {@link #close(boolean) close(false)}. */
    public int close() {
        return close(false);
    }

    /**
     * What this tracker still has alive: the names of unfinished tasks and of threads its
     * factories made that are still running. Empty after a clean stop.
     */
    public List<String> leaks() {
        List<String> leaks = new ArrayList<>();
        for (TrackedTask task : active) {
            leaks.add("task " + name + "/" + task.name());
        }
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                leaks.add("thread " + thread.getName());
            }
        }
        return leaks;
    }

    @Override
    public String toString() {
        return "TaskTracker[" + name + ", " + statistics() + "]";
    }

    private TrackedTask admit(String taskName, TaskPriority priority, Runnable task, boolean periodic) {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw new RejectedExecutionException("VXRT-101 task tracker " + name + " is closed; refused " + taskName);
        }
        TrackedTask tracked = new TrackedTask(taskName, priority, task, this, periodic);
        submitted.increment();
        active.add(tracked);
        return tracked;
    }

    private ScheduledFuture<?> scheduleTracked(TrackedTask tracked,
            java.util.function.Function<TrackedTask, ScheduledFuture<?>> scheduling) {
        ScheduledFuture<?> scheduled;
        try {
            scheduled = scheduling.apply(tracked);
        } catch (RejectedExecutionException e) {
            tracked.reject(e);
            throw e;
        }
        tracked.carriedBy(scheduled);
        return new TrackedScheduledFuture(tracked, scheduled);
    }

    void onTaskFailure(TrackedTask task, Throwable failure) {
        if (!(failure instanceof RejectedExecutionException)) {
            LOG.log(Level.WARNING, "VXRT-102 task " + task.name() + " of " + name + " failed", failure);
        }
    }

    /** Counts the end of a task (called once per task, by {@link TrackedTask#done()}). */
    void onTaskEnd(TrackedTask task, boolean wasCancelled, boolean wasFailed) {
        if (wasCancelled) {
            cancelled.increment();
        } else if (wasFailed) {
            failed.increment();
        } else {
            completed.increment();
        }
        // A task cancelled while its body runs stays active (a leak) until the body returns.
        if (!task.isRunning()) {
            retire(task);
        }
    }

    private void retire(TrackedTask task) {
        if (active.remove(task) && active.isEmpty()) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** A thread left the task's body: a finished task leaves the active set. */
    void onTaskExit(TrackedTask task) {
        if (task.isDone()) {
            retire(task);
        }
    }
}
