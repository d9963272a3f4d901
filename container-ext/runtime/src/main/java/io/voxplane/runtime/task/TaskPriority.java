package io.voxplane.runtime.task;

/**
 * How long a tracked task may live once the node shuts down (docs/operations.md). Priority orders
 * cancellation, not execution: the container's executors run tasks in the order they come.
 * <ul>
 * <li>{@link #BACKGROUND}: housekeeping nobody waits for (statistics, cache expiry, registration
 * refresh); cancelled as soon as draining starts.</li>
 * <li>{@link #NORMAL}: the default: bus deliveries, SIP timers; cancelled when the plane stops
 * in the TERMINATING phase, after calls were ended.</li>
 * <li>{@link #CRITICAL}: work that ends calls politely (BYE and CANCEL retransmissions); left to
 * the very end, and only cancelled by the forced fallback of a phase that timed out.</li>
 * </ul>
 */
public enum TaskPriority {
    CRITICAL,
    NORMAL,
    BACKGROUND;

    /** Whether a task of this priority is cancelled by a cancellation down to {@code floor}. */
    public boolean isAtOrBelow(TaskPriority floor) {
        return ordinal() >= floor.ordinal();
    }
}
