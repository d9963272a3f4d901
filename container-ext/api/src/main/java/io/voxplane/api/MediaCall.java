package io.voxplane.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A call answered with media ({@link SipRequest#answerWithMedia}): its RTP runs on the node's
 * media plane; the app changes what the caller hears. One function runs at a time: starting one
 * stops the current one, whose stage then completes exceptionally with
 * {@link MediaFunctionStoppedException}. Every method may be called from any thread;
 * stages and the DTMF listener complete serially with the call's handlers.
 *
 * <p>The container closes the media when the call ends (BYE from either side, {@link #hangup()}),
 * answers re-INVITEs of the call itself (hold, resume, new codec: RFC 3264 s8), and hangs up when
 * the caller sends no RTP for the media inactivity timeout (key
 * {@code voxplane.media.inactivity-timeout}).
 */
public interface MediaCall {

    String callId();

    /** Plays {@code wav} once; completes when it has played to the end. */
    CompletionStage<Void> play(String wav);

    /**
     * Collects RFC 4733 DTMF digits: completes with the digits (without the terminator) after
     * {@code maxDigits}, the {@code terminator} key ({@code '#'}, or {@code 0} for none), 5 s
     * without a next digit, or {@code timeout} in all.
     */
    CompletionStage<String> collectDigits(int maxDigits, char terminator, Duration timeout);

    /** Echo: the caller hears itself. Completes only when stopped (exceptionally). */
    CompletionStage<Void> echo();

    /** Records the caller to {@code wav}; completes when the recording limit is reached. */
    CompletionStage<Void> record(String wav);

    /** Joins conference room {@code room}: the caller hears the others in it, they hear the caller. */
    CompletionStage<Void> joinConference(String room);

    /**
     * Calls {@code listener} with every DTMF digit the caller presses (also while digits are being
     * collected), serially with the call's handlers. Replaces the previous listener.
     */
    void onDtmf(Consumer<Character> listener);

    /**
     * The last quality report of the call's media (counters, loss, jitter, MOS); empty until the
     * first one, which comes one {@code voxplane.media.quality-report-interval} after the answer.
     */
    Optional<MediaQuality> quality();

    /** Completes when the call's media is closed (the call ended). */
    CompletionStage<Void> closed();

    /** Hangs the call up (BYE, RFC 3261 s15); its media closes. Idempotent. */
    void hangup();
}
