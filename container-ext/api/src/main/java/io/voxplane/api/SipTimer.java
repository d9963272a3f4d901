package io.voxplane.api;

/** A timer of a {@link Call}: cancelled by {@link #cancel()} or when the call ends. */
public interface SipTimer {

    /** Cancels the timer; false when it already ran or was cancelled. */
    boolean cancel();
}
