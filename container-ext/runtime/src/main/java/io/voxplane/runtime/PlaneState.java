package io.voxplane.runtime;

/**
 * Lifecycle of a plane bean. A plane starts once ({@code NEW -> STARTING -> RUNNING}); a start
 * that fails ends in {@code FAILED}; {@code stop} moves any state to {@code STOPPED} and is
 * idempotent. Readiness is UP only in {@code RUNNING}; liveness is DOWN only in {@code FAILED}.
 */
public enum PlaneState {
    NEW,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    FAILED;

    /** Whether the plane accepts work. */
    public boolean isReady() {
        return this == RUNNING;
    }

    /** Whether the plane is healthy as a process (not broken beyond repair). */
    public boolean isLive() {
        return this != FAILED;
    }
}
