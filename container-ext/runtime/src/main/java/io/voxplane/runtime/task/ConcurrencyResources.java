package io.voxplane.runtime.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The executors the container lends to Voxplane. In Payara these are the Jakarta Concurrency
 * defaults ({@link ManagedConcurrencyResources}); tests deploy a bean with plain executors
 * instead. Voxplane never shuts down what the container owns; pools it made itself over the
 * container's thread factory end with {@link #close()}.
 */
public interface ConcurrencyResources {

    /** Runs short tasks (bus deliveries). */
    ExecutorService executor();

    /** Runs delayed and periodic tasks (SIP timers). */
    ScheduledExecutorService scheduler();

    /** Makes long-lived threads (Netty event loops). */
    ThreadFactory threadFactory();

    /**
     * Ends the executors Voxplane made itself (the last step of a shutdown, once every plane has
     * stopped); resources the container owns are left alone. Idempotent. The default does nothing.
     */
    default void close() {
    }
}
