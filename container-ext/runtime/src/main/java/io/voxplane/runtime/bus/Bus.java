package io.voxplane.runtime.bus;

import io.voxplane.runtime.Plane;

/**
 * The only way planes talk to each other. {@link #publish} hands an event to the queue of its
 * {@link Affinity#target() target plane} (or the broadcast queue); observers receive it with
 * {@code @ObservesAsync}. Events of one {@link Affinity.SessionBound} key are observed one at a
 * time, in publish order.
 *
 * <p>Every queue is bounded: {@link #publish} returns false instead of queueing past the bound
 * (or when the target plane is stopped). The caller pushes back (the transport answers 503);
 * nothing is dropped silently.
 */
public interface Bus {

    /**
     * Delivers {@code event} asynchronously.
     *
     * @return false when the target queue is full or closed; the event was not delivered
     */
    boolean publish(BusEvent event);

    /** Counters of the queue of {@code plane}. */
    BusQueueStatistics statistics(Plane plane);
}
