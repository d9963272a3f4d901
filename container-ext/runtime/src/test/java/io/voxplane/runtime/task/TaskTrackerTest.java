package io.voxplane.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class TaskTrackerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final ThreadFactory threads = Executors.defaultThreadFactory();
    private final TaskTracker tracker = new TaskTracker("test", executor, scheduler, threads);

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    @Test
    void countsCompletedAndFailedTasks() throws Exception {
        Future<?> ok = tracker.submit("ok", () -> { });
        Future<?> bad = tracker.submit("bad", () -> {
            throw new IllegalStateException("on purpose");
        });
        ok.get(5, TimeUnit.SECONDS);
        assertThrows(ExecutionException.class, () -> bad.get(5, TimeUnit.SECONDS));
        Await.until(() -> tracker.statistics().active() == 0, WAIT, "no active task");
        TaskStatistics stats = tracker.statistics();
        assertEquals(2, stats.submitted());
        assertEquals(1, stats.completed());
        assertEquals(1, stats.failed());
        assertEquals(0, stats.cancelled());
    }

    @Test
    void closeCancelsScheduledTasksAndRefusesNewOnes() {
        ScheduledFuture<?> later = tracker.schedule("later", () -> { }, Duration.ofHours(1));
        ScheduledFuture<?> periodic = tracker.scheduleAtFixedRate("tick", () -> { }, Duration.ofHours(1),
                Duration.ofHours(1));
        assertEquals(2, tracker.statistics().active());

        assertEquals(2, tracker.close());

        assertTrue(later.isCancelled());
        assertTrue(periodic.isCancelled());
        assertEquals(2, tracker.statistics().cancelled());
        assertEquals(List.of(), tracker.leaks());
        assertThrows(RejectedExecutionException.class, () -> tracker.submit("late", () -> { }));
    }

    @Test
    void leakCheckNamesTasksStillRunningAfterClose() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        tracker.submit("stuck-reader", () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        tracker.close(false);
        assertEquals(List.of("task test/stuck-reader"), tracker.leaks());

        release.countDown();
        Await.until(() -> tracker.leaks().isEmpty(), WAIT, "leak gone once the task ends");
        assertEquals(1, tracker.statistics().cancelled(), "close cancelled it, though its body ran on");
    }

    @Test
    void threadsFromTheFactoryAreNamedAndCountedWhileAlive() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = tracker.threadFactory("io").newThread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals("voxplane-test-io-1", thread.getName());
        thread.start();
        assertEquals(1, tracker.statistics().liveThreads());
        assertEquals(List.of("thread voxplane-test-io-1"), tracker.leaks());

        release.countDown();
        thread.join(5_000);
        assertEquals(0, tracker.statistics().liveThreads());
        assertEquals(List.of(), tracker.leaks());
    }

    @Test
    void schedulerViewRunsTimersAsTrackedTasks() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        ScheduledFuture<?> timer = tracker.scheduler().schedule(fired::countDown, 1, TimeUnit.MILLISECONDS);
        assertTrue(fired.await(5, TimeUnit.SECONDS));
        timer.get(5, TimeUnit.SECONDS);
        Await.until(() -> tracker.statistics().completed() == 1, WAIT, "timer counted as completed");

        ScheduledFuture<?> cancelled = tracker.scheduler().schedule(() -> { }, 1, TimeUnit.HOURS);
        assertTrue(cancelled.cancel(false));
        assertThrows(CancellationException.class, cancelled::get);
        assertEquals(1, tracker.statistics().cancelled());
        assertEquals(0, tracker.statistics().active());
    }

    @Test
    void cancellingDownToAPriorityLeavesHigherPriorityTasksAndTakesNewWork() {
        ScheduledFuture<?> housekeeping = tracker.scheduleAtFixedRate("expiry", TaskPriority.BACKGROUND, () -> { },
                Duration.ofHours(1), Duration.ofHours(1));
        ScheduledFuture<?> timer = tracker.schedule("timer-b", () -> { }, Duration.ofHours(1));
        ScheduledFuture<?> bye = tracker.schedule("bye-retransmit", TaskPriority.CRITICAL, () -> { },
                Duration.ofHours(1));

        assertEquals(1, tracker.cancel(TaskPriority.BACKGROUND, false));
        assertTrue(housekeeping.isCancelled());
        assertEquals(List.of("timer-b", "bye-retransmit"), tracker.activeTasks().stream()
                .sorted(java.util.Comparator.comparing(TaskInfo::priority).reversed()).map(TaskInfo::name).toList());

        assertEquals(1, tracker.cancel(TaskPriority.NORMAL, false));
        assertTrue(timer.isCancelled());
        assertEquals(List.of(new TaskInfo("test", "bye-retransmit", TaskPriority.CRITICAL, false, false)),
                tracker.activeTasks());
        tracker.schedule("still-open", () -> { }, Duration.ofHours(1)).cancel(false);
        assertEquals(3, tracker.statistics().cancelled());
        bye.cancel(false);
        assertEquals(List.of(), tracker.leaks());
    }
}
