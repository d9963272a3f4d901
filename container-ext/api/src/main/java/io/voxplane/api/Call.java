package io.voxplane.api;

import java.time.Duration;
import java.util.Optional;

/**
 * The per-call state of one app, keyed by Call-ID: attributes and timers that live as long as
 * the call. A handler receives it as its optional second parameter.
 *
 * <p>Lifetime: the container keeps a call while a transaction of its Call-ID is alive or one of
 * its timers is pending, and drops it (attributes gone, timers cancelled) when the call ends:
 * the request's transaction and every proxied branch are over and no timer is pending, or
 * {@link #end()} is called.
 *
 * <p>Threading: handlers and timer tasks of one call never run at the same time (serial per
 * Call-ID); attributes are safe to read and write from them.
 */
public interface Call {

    String callId();

    /** The attribute {@code name}, if set. */
    <T> Optional<T> attribute(String name, Class<T> type);

    void setAttribute(String name, Object value);

    void removeAttribute(String name);

    /**
     * Runs {@code task} after {@code delay} on the container's scheduler, serial with the call's
     * handlers, unless the call ends first.
     */
    SipTimer schedule(Duration delay, Runnable task);

    /** Ends the call now: attributes dropped, pending timers cancelled. Idempotent. */
    void end();
}
