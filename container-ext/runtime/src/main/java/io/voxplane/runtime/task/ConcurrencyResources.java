package io.voxplane.runtime.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * The executors the container lends to Voxplane. In Payara these are the Jakarta Concurrency
 * defaults ({@link ManagedConcurrencyResources}); tests deploy a bean with plain executors
 * instead. Voxplane never shuts them down.
 */
public interface ConcurrencyResources {

    /** Runs short tasks (bus deliveries). */
    ExecutorService executor();

    /** Runs delayed and periodic tasks (SIP timers). */
    ScheduledExecutorService scheduler();

    /** Makes long-lived threads (Netty event loops). */
    ThreadFactory threadFactory();
}
