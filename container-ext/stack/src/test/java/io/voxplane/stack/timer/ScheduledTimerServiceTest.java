package io.voxplane.stack.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScheduledTimerServiceTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void runsTaskOnTheInjectedExecutor() throws Exception {
        ScheduledTimerService timers = new ScheduledTimerService(executor);
        CompletableFuture<String> ran = new CompletableFuture<>();

        timers.schedule(Duration.ofMillis(1), () -> ran.complete(Thread.currentThread().getName()));

        assertTrue(ran.get(5, TimeUnit.SECONDS).startsWith("pool-"));
    }

    @Test
    void taskFailureGoesToTheHandlerAndTheExecutorKeepsWorking() throws Exception {
        CompletableFuture<RuntimeException> failure = new CompletableFuture<>();
        ScheduledTimerService timers = new ScheduledTimerService(executor, System::nanoTime,
                (task, e) -> failure.complete(e));
        CompletableFuture<Boolean> later = new CompletableFuture<>();

        timers.schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("boom");
        });
        timers.schedule(Duration.ofMillis(1), () -> later.complete(true));

        assertEquals("boom", failure.get(5, TimeUnit.SECONDS).getMessage());
        assertTrue(later.get(5, TimeUnit.SECONDS));
    }

    @Test
    void cancelledTaskDoesNotRun() throws Exception {
        ScheduledTimerService timers = new ScheduledTimerService(executor);
        AtomicInteger runs = new AtomicInteger();

        TimerHandle handle = timers.schedule(Duration.ofHours(1), runs::incrementAndGet);

        assertTrue(handle.cancel());
        assertTrue(handle.isCancelled());
        assertFalse(handle.cancel());
        assertEquals(0, runs.get());
    }

    @Test
    void usesTheInjectedClock() {
        ScheduledTimerService timers = new ScheduledTimerService(executor, () -> 42L, (t, e) -> { });

        assertEquals(42L, timers.nanoTime());
    }
}
