package io.voxplane.runtime.lifecycle;

/**
 * The phases of a node's shutdown, in order (docs/operations.md). A node moves forward only:
 * {@code RUNNING -> INITIATED -> DRAINING -> TERMINATING -> COMPLETED}; each phase ends when
 * every running plane confirmed it ({@link PhaseConfirmed}) or when its timeout forces it to.
 */
public enum ShutdownPhase {
    /** No shutdown yet: the node takes new requests. */
    RUNNING,
    /**
     * Readiness DOWN; new out-of-dialog requests get 503 with Retry-After while in-dialog
     * requests, ACK and CANCEL are still processed; the node leaves discovery.
     */
    INITIATED,
    /** In-flight non-INVITE transactions complete; calls may end by themselves within the drain window. */
    DRAINING,
    /** BYE for every confirmed dialog, CANCEL or 487 for pending ones, media released, tasks cancelled. */
    TERMINATING,
    /** Sockets closed, ports free, event loops ended. */
    COMPLETED;

    /** Whether the node still takes new out-of-dialog requests. */
    public boolean acceptsNewRequests() {
        return this == RUNNING;
    }
}
