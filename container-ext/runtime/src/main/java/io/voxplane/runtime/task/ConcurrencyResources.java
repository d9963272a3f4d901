package io.voxplane.runtime.task;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The executors the container lends to Voxplane. In Payara these are the Jakarta Concurrency
 * defaults ({@link ManagedConcurrencyResources}); tests deploy a bean with plain executors
 * instead. Executors the container owns are never shut down by Voxplane; pools Voxplane made
 * itself over the container's thread factory end with {@link #end(Duration)} at the end of the
 * phased shutdown.
 */
public interface ConcurrencyResources {

    /** Runs short tasks (bus deliveries). */
    ExecutorService executor();

    /** Runs delayed and periodic tasks (SIP timers). */
    ScheduledExecutorService scheduler();

    /** Makes long-lived threads (Netty event loops). */
    ThreadFactory threadFactory();

    /**
     * Ends the pools this bean made itself (not the container's), waiting up to {@code timeout}
     * for their threads: the phased shutdown calls it after COMPLETED, when no plane runs any
     * more, so that no Voxplane thread outlives the report. Does nothing by default. Idempotent.
     *
     * @return whether every thread of those pools ended in time
     */
    default boolean end(Duration timeout) {
        return true;
    }
}
