package io.voxplane.stack.timer;

import java.time.Duration;

/**
 * Schedules one-shot tasks for SIP timers (RFC 3261 s17 timers A to M, the 100 Trying delay,
 * 2xx retransmission in the UA core).
 *
 * <p>Production code uses {@link ScheduledTimerService} over a scheduler the container hands in;
 * tests and the testkit use {@link ManualTimerService}, whose clock only moves when told. Tasks
 * must be short and must not block: they run on the scheduler's threads (or on the thread that
 * advances a manual clock).
 */
public interface TimerService {

    /**
     * Runs {@code task} once after {@code delay}. A zero or negative delay means "as soon as
     * possible" (never on the calling thread).
     *
     * @return a handle to cancel the task
     */
    TimerHandle schedule(Duration delay, Runnable task);

    /** Monotonic time in nanoseconds, from the same clock the timers use. */
    long nanoTime();
}
