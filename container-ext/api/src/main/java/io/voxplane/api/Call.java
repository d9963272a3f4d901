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
 * <p>A call whose app answered an INVITE with 2xx lives as long as that dialog: until BYE (from
 * either side, {@link #hangup()}) or no ACK within 64*T1 (the container then sends BYE,
 * RFC 3261 s13.3.1.4).
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

    /**
     * The state of the dialog the app holds in this call: the one its 2xx to an INVITE created,
     * or its {@link B2bua}'s legs; {@link DialogState#NONE} when it holds none (e.g. it proxied).
     */
    DialogState dialogState();

    /**
     * Hangs up the app's dialog in this call (RFC 3261 s15): BYE on a confirmed dialog (the call
     * ends once the BYE is sent); an INVITE the app has not answered yet is answered 487 (a UAS
     * cannot CANCEL, s9); a {@link B2bua} ends both legs. Does nothing when the app holds no live
     * dialog. May be called from any thread. Idempotent.
     */
    void hangup();

    /** Ends the call now: attributes dropped, pending timers cancelled. Idempotent. */
    void end();
}
