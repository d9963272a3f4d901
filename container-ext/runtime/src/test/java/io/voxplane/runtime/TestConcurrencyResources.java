package io.voxplane.runtime;

import io.voxplane.runtime.task.ConcurrencyResources;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/** Plain JDK executors standing in for the container's managed ones in weld-junit tests. */
@ApplicationScoped
public class TestConcurrencyResources implements ConcurrencyResources {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    @Override
    public ExecutorService executor() {
        return executor;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public ThreadFactory threadFactory() {
        return Executors.defaultThreadFactory();
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
        scheduler.shutdownNow();
    }
}
