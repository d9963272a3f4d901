package io.voxplane.media.session;

import io.voxplane.media.rtp.RtpPacket;

/**
 * One media function of a {@link MediaSession} (echo, prompt, record, digit collection,
 * conference). A session has at most one at a time; starting another stops the current one.
 *
 * <p>Every method is called with the session's lock held, either on the session's event loop
 * (received packets and digits) or on the media scheduler (the function's own timers, which must
 * take the lock through {@link MediaSession#locked}). A function that ends by itself calls
 * {@link MediaSession#finished}.
 */
interface MediaFunction {

    /** The name reported in {@link FunctionOutcome#function()}. */
    String name();

    /** Called once when the function becomes the session's function; may start timers. */
    void start(MediaSession session);

    /** An audio packet of the negotiated payload type (only while the direction receives). */
    default void onAudio(RtpPacket packet) {
    }

    /** A DTMF digit (once per RFC 4733 event). */
    default void onDigit(char digit) {
    }

    /** The codec, payload type or ptime changed (re-INVITE); encoder and jitter buffer are new. */
    default void onFormatChanged() {
    }

    /** Stops timers and releases resources; no listener call. Called once. */
    void stop(FunctionOutcome.Reason reason);
}
