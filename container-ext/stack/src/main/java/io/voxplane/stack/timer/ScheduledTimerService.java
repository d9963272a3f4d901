package io.voxplane.stack.timer;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A {@link TimerService} over a {@link ScheduledExecutorService} owned by the caller (in the
 * container, a {@code ManagedScheduledExecutorService}). This class never creates threads and
 * never shuts the executor down: its owner does.
 *
 * <p>SIP cancels most timers it starts (a transaction that ends cancels its 32 s timers): give it
 * an executor that drops cancelled tasks at once ({@code ScheduledThreadPoolExecutor
 * .setRemoveOnCancelPolicy(true)}), else they stay queued until their due time.
 *
 * <p>A task that throws is caught so that one bad timer cannot kill a scheduler thread of the
 * executor; the failure is passed to the handler given at construction.
 */
public final class ScheduledTimerService implements TimerService {

    /** What to do with an exception thrown by a timer task. */
    @FunctionalInterface
    public interface FailureHandler {
        void onTaskFailure(Runnable task, RuntimeException failure);
    }

    private final ScheduledExecutorService executor;
    private final LongSupplier nanoClock;
    private final FailureHandler failureHandler;

    /**
     * @param executor       the scheduler, owned by the caller
     * @param nanoClock      the monotonic clock, normally {@code System::nanoTime}
     * @param failureHandler receives exceptions thrown by tasks
     */
    public ScheduledTimerService(ScheduledExecutorService executor, LongSupplier nanoClock, FailureHandler failureHandler) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.failureHandler = Objects.requireNonNull(failureHandler, "failureHandler");
    }

    /** Uses {@code System::nanoTime} and reports task failures to {@link System.Logger}. */
    public ScheduledTimerService(ScheduledExecutorService executor) {
        this(executor, System::nanoTime, (task, failure) -> System.getLogger(ScheduledTimerService.class.getName())
                .log(System.Logger.Level.WARNING, "VXTMR-001 timer task " + task + " failed", failure));
    }

    @Override
    public TimerHandle schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(task, "task");
        long nanos = Math.max(0, delay.toNanos());
        ScheduledFuture<?> future = executor.schedule(() -> runGuarded(task), nanos, TimeUnit.NANOSECONDS);
        return new FutureHandle(future);
    }

    @Override
    public long nanoTime() {
        return nanoClock.getAsLong();
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException failure) {
            failureHandler.onTaskFailure(task, failure);
        }
    }

    private record FutureHandle(ScheduledFuture<?> future) implements TimerHandle {
        @Override
        public boolean cancel() {
            return future.cancel(false);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }
    }
}
