package io.voxplane.runtime.task;

import io.voxplane.runtime.Plane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link TaskTracker} per {@link Plane}, all over the container's {@link ConcurrencyResources}.
 * A plane takes its tracker when it starts and closes it when it stops; the bus delivers events
 * for a plane on that plane's tracker, so a stopped plane receives nothing.
 *
 * <p>The leak check ({@link #leaks()}, {@link #awaitNoLeaks(Duration)},
 * {@link #assertNoLeaks(Duration)}) is what tests and the shutdown report use to prove that
 * stopping the planes left no tracked task and no thread named {@value TaskTracker#THREAD_NAME_PREFIX}*
 * alive.
 */
@ApplicationScoped
public class TaskTrackers {

    /** Name of the tracker of work that belongs to no single plane (broadcast bus events). */
    public static final String SHARED = "shared";

    private final Map<Plane, TaskTracker> trackers = new EnumMap<>(Plane.class);
    private TaskTracker shared;

    @Inject
    ConcurrencyResources resources;

    /** The tracker of {@code plane}, created on first use. */
    public synchronized TaskTracker forPlane(Plane plane) {
        return trackers.computeIfAbsent(plane, p -> new TaskTracker(p.label(), resources.executor(),
                resources.scheduler(), resources.threadFactory()));
    }

    /** The tracker of work no single plane owns. */
    public synchronized TaskTracker shared() {
        if (shared == null) {
            shared = new TaskTracker(SHARED, resources.executor(), resources.scheduler(), resources.threadFactory());
        }
        return shared;
    }

    /** Every tracker made so far by name (planes in {@link Plane} order, then {@value #SHARED}). */
    public synchronized Map<String, TaskTracker> all() {
        Map<String, TaskTracker> all = new LinkedHashMap<>();
        trackers.forEach((plane, tracker) -> all.put(plane.label(), tracker));
        if (shared != null) {
            all.put(SHARED, shared);
        }
        return all;
    }

    /** Closes every tracker, cancelling what is left: the last step of a shutdown, before the leak check. */
    public void closeAll() {
        for (TaskTracker tracker : all().values()) {
            tracker.close(true);
        }
    }

    /** The counters of every tracker by name, for metrics and the admin endpoint. */
    public Map<String, TaskStatistics> statistics() {
        Map<String, TaskStatistics> statistics = new LinkedHashMap<>();
        all().forEach((name, tracker) -> statistics.put(name, tracker.statistics()));
        return statistics;
    }

    /**
     * What is alive now: unfinished tasks of every tracker ({@code task <tracker>/<name>}),
     * threads they made, and any other live thread of this JVM whose name starts with
     * {@value TaskTracker#THREAD_NAME_PREFIX} (a thread the container's factory would not let us
     * track). Empty after a clean stop.
     */
    public List<String> leaks() {
        List<String> leaks = new ArrayList<>();
        for (TaskTracker tracker : all().values()) {
            leaks.addAll(tracker.leaks());
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String entry = "thread " + thread.getName();
            if (thread.isAlive() && thread.getName().startsWith(TaskTracker.THREAD_NAME_PREFIX)
                    && !leaks.contains(entry)) {
                leaks.add(entry);
            }
        }
        return leaks;
    }

    /**
     * Waits up to {@code timeout} for the trackers' tasks and threads to end (a task cancelled while
     * running ends when its body returns; event loops end a little after their sockets close), then
     * returns {@link #leaks()}. Call it once the planes stopped: it also ends the pools Voxplane
     * made itself ({@link ConcurrencyResources#end(Duration)}), so nothing can run any more.
     */
    public List<String> awaitNoLeaks(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (TaskTracker tracker : all().values()) {
            tracker.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            tracker.awaitThreads(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        resources.end(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long left = deadline - System.nanoTime();
            if (left > 0 && thread.getName().startsWith(TaskTracker.THREAD_NAME_PREFIX)) {
                thread.join(Duration.ofNanos(left));
            }
        }
        return leaks();
    }

    /**
     * The leak check for tests: waits up to {@code timeout} for threads to end, then throws if
     * any tracked task or Voxplane thread is still alive.
     *
     * @throws TaskLeakException naming every leak
     */
    public void assertNoLeaks(Duration timeout) throws InterruptedException {
        List<String> leaks = awaitNoLeaks(timeout);
        if (!leaks.isEmpty()) {
            throw new TaskLeakException(leaks);
        }
    }
}
