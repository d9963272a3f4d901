package io.voxplane.runtime.bus;

/**
 * An event planes exchange through the {@link Bus}: a small immutable record that says where it
 * goes. Events carry values only (messages, flows, ids), never references to plane objects.
 */
public interface BusEvent {

    /** Where and in which order this event is delivered. */
    Affinity affinity();
}
