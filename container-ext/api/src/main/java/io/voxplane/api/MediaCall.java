package io.voxplane.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A call answered with media ({@link SipRequest#answerWithMedia}): its RTP runs on the node's
 * media plane; the app changes what the caller hears. One function runs at a time: starting one
 * stops the current one, whose stage then completes exceptionally with
 * {@link MediaFunctionStoppedException}. DTMF can be sent to the caller at any time
 * ({@link #sendDtmf(String)}), whatever function runs. Every method may be called from any thread;
 * stages and the DTMF listener complete serially with the call's handlers.
 *
 * <p>The container closes the media when the call ends (BYE from either side, {@link #hangup()}),
 * answers re-INVITEs of the call itself (hold, resume, new codec: RFC 3264 s8), and hangs up when
 * the caller sends no RTP for the media inactivity timeout (key
 * {@code voxplane.media.inactivity-timeout}).
 */
public interface MediaCall {

    /**
     * Tone length of each digit {@link #sendDtmf(String)} sends: 100 ms. RFC 4733 leaves it to
     * the sender; ITU-T Q.24 receivers must accept 40 ms, and 100 ms is what phones and
     * autodialers send. Not a configuration key: pass another to {@link #sendDtmf(String, Duration, Duration)}.
     */
    Duration DEFAULT_DTMF_TONE = Duration.ofMillis(100);

    /**
     * Pause between two digits {@link #sendDtmf(String)} sends: 70 ms, a margin above the 40 ms
     * pause receivers may need (ITU-T Q.24); about six digits a second with the default tone.
     */
    Duration DEFAULT_DTMF_GAP = Duration.ofMillis(70);

    /** End packets of each digit: 3, as RFC 4733 s2.5.1.4 recommends (the end must not get lost). */
    int DTMF_END_PACKETS = 3;

    String callId();

    /** Plays {@code wav} once; completes when it has played to the end. */
    CompletionStage<Void> play(String wav);

    /**
     * Collects RFC 4733 DTMF digits: completes with the digits (without the terminator) after
     * {@code maxDigits}, the {@code terminator} key ({@code '#'}, or {@code 0} for none), 5 s
     * without a next digit, or {@code timeout} in all.
     */
    CompletionStage<String> collectDigits(int maxDigits, char terminator, Duration timeout);

    /**
     * Sends {@code digits} to the caller as RFC 4733 DTMF events, with the default tone
     * ({@link #DEFAULT_DTMF_TONE}) and gap ({@link #DEFAULT_DTMF_GAP}); see
     * {@link #sendDtmf(String, Duration, Duration)}.
     */
    default CompletionStage<Void> sendDtmf(String digits) {
        return sendDtmf(digits, DEFAULT_DTMF_TONE, DEFAULT_DTMF_GAP);
    }

    /**
     * Sends {@code digits} ({@code 0-9 * # A-D}; {@code a-d} count as {@code A-D}) to the caller
     * as RFC 4733 telephone-events in the call's RTP stream: one event of {@code tone} (40 ms to
     * 5 s) per digit, {@code gap} (0 to 5 s) between digits, {@value #DTMF_END_PACKETS} end packets
     * each. The running function (prompt, echo ...) goes on but its audio is held back while a
     * tone lasts. Calls queue: digits go out in the order of the calls.
     *
     * <p>The stage completes when the last digit's end packets are sent. It fails with
     * {@link IllegalArgumentException} naming the first character that is not a key (or a duration
     * out of range; nothing is sent), or with {@link DtmfSendException}: the caller did not offer
     * {@code telephone-event} ({@link DtmfSendException.Reason#NO_TELEPHONE_EVENT}), the call is
     * on hold, or the media closed.
     */
    CompletionStage<Void> sendDtmf(String digits, Duration tone, Duration gap);

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
