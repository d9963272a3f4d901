package io.voxplane.stack.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTimerServiceTest {

    private final ManualTimerService timers = new ManualTimerService();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsDueTasksInDueOrderThenScheduleOrder() {
        timers.schedule(Duration.ofMillis(300), () -> ran.add("c"));
        timers.schedule(Duration.ofMillis(100), () -> ran.add("a"));
        timers.schedule(Duration.ofMillis(100), () -> ran.add("b"));

        assertEquals(3, timers.advance(Duration.ofSeconds(1)));
        assertEquals(List.of("a", "b", "c"), ran);
        assertEquals(0, timers.pendingCount());
    }

    @Test
    void doesNotRunTasksBeforeTheirDueTime() {
        timers.schedule(Duration.ofMillis(500), () -> ran.add("x"));

        timers.advance(Duration.ofMillis(499));
        assertEquals(List.of(), ran);
        assertEquals(1, timers.pendingCount());

        timers.advance(Duration.ofMillis(1));
        assertEquals(List.of("x"), ran);
    }

    @Test
    void taskSeesItsOwnVirtualInstant() {
        List<Long> seen = new ArrayList<>();
        timers.schedule(Duration.ofMillis(200), () -> seen.add(timers.nanoTime()));

        timers.advance(Duration.ofSeconds(5));

        assertEquals(List.of(Duration.ofMillis(200).toNanos()), seen);
        assertEquals(Duration.ofSeconds(5).toNanos(), timers.nanoTime());
    }

    @Test
    void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
        timers.schedule(Duration.ofMillis(100), () -> {
            ran.add("first");
            timers.schedule(Duration.ofMillis(100), () -> ran.add("second"));
            timers.schedule(Duration.ofSeconds(10), () -> ran.add("later"));
        });

        timers.advance(Duration.ofMillis(250));

        assertEquals(List.of("first", "second"), ran);
        assertEquals(1, timers.pendingCount());
    }

    @Test
    void cancelledTaskNeverRunsAndLeavesNothingPending() {
        TimerHandle handle = timers.schedule(Duration.ofMillis(100), () -> ran.add("x"));

        assertTrue(handle.cancel());
        assertTrue(handle.isCancelled());
        assertFalse(handle.cancel());
        timers.advance(Duration.ofSeconds(1));

        assertEquals(List.of(), ran);
        assertEquals(0, timers.pendingCount());
    }

    @Test
    void cancellingATaskThatRanReturnsFalse() {
        TimerHandle handle = timers.schedule(Duration.ofMillis(1), () -> ran.add("x"));
        timers.advance(Duration.ofMillis(1));

        assertFalse(handle.cancel());
        assertFalse(handle.isCancelled());
    }

    @Test
    void zeroDelayRunsOnNextAdvanceNotInsideSchedule() {
        timers.schedule(Duration.ZERO, () -> ran.add("now"));
        assertEquals(List.of(), ran);

        timers.advance(Duration.ZERO);
        assertEquals(List.of("now"), ran);
    }

    @Test
    void runNextJumpsToTheNextTask() {
        timers.schedule(Duration.ofSeconds(32), () -> ran.add("d"));

        assertEquals(Duration.ofSeconds(32), timers.nextDueIn());
        assertTrue(timers.runNext());
        assertEquals(List.of("d"), ran);
        assertFalse(timers.runNext());
        assertNull(timers.nextDueIn());
    }

    @Test
    void refusesReentrantAdvance() {
        List<Throwable> failures = new ArrayList<>();
        timers.schedule(Duration.ofMillis(1), () -> {
            try {
                timers.advance(Duration.ofMillis(1));
            } catch (IllegalStateException expected) {
                failures.add(expected);
            }
        });

        timers.advance(Duration.ofMillis(5));

        assertEquals(1, failures.size());
    }

    @Test
    void refusesToMoveBackwards() {
        assertThrows(IllegalArgumentException.class, () -> timers.advance(Duration.ofMillis(-1)));
    }

    @Test
    void cancelledEarliestTaskIsSkippedByNextDueInAndRunNext() {
        TimerHandle first = timers.schedule(Duration.ofMillis(100), () -> ran.add("first"));
        timers.schedule(Duration.ofMillis(300), () -> ran.add("second"));

        first.cancel();

        assertEquals(1, timers.pendingCount());
        assertEquals(Duration.ofMillis(300), timers.nextDueIn());
        assertTrue(timers.runNext());
        assertEquals(List.of("second"), ran);
        assertEquals(Duration.ofMillis(300).toNanos(), timers.nanoTime());
    }
}

