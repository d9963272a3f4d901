package io.voxplane.runtime.app;

import io.voxplane.api.DtmfSendException;
import io.voxplane.api.MediaCall;
import io.voxplane.api.MediaFunctionStoppedException;
import io.voxplane.api.MediaQuality;
import io.voxplane.runtime.events.DtmfSent;
import io.voxplane.runtime.events.MediaFunctionSpec;
import io.voxplane.runtime.events.SendDtmf;
import io.voxplane.runtime.events.StartMediaFunction;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The app's handle on a call answered with media: each function it starts is a
 * {@link StartMediaFunction} command with its own id, whose stage the media plane's
 * {@code MediaFunctionFinished} completes; each {@link #sendDtmf} is a {@link SendDtmf} command
 * that the media plane's {@link DtmfSent} completes (digits are checked here first, so a bad one
 * never crosses the bus). Stages and the DTMF listener run under the call's serial lock
 * ({@link AppCall#runSerially}).
 */
final class AppMediaCall implements MediaCall {

    /** The RFC 4733 s3.2 DTMF keys. */
    private static final String DTMF_KEYS = "0123456789*#ABCD";
    /** Shortest tone: 40 ms, the least a DTMF receiver must recognise (ITU-T Q.24). */
    private static final Duration MIN_DTMF_TONE = Duration.ofMillis(40);
    /** Longest tone or gap: 5 s (one RFC 4733 event at 8 kHz holds at most 8.19 s). */
    private static final Duration MAX_DTMF_DURATION = Duration.ofSeconds(5);

    private final AppMedia owner;
    private final AppSipRequest invite;
    private final AtomicLong commands = new AtomicLong();
    private final Map<Long, CompletableFuture<String>> running = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> sending = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Consumer<Character> dtmf;
    private volatile String lastAnswer = "";
    private volatile MediaQuality quality;

    AppMediaCall(AppMedia owner, AppSipRequest invite) {
        this.owner = owner;
        this.invite = invite;
    }

    AppSipRequest invite() {
        return invite;
    }

    AppCall call() {
        return invite.call();
    }

    /** Our last SDP (answer): offered again in the 200 to an offerless re-INVITE. */
    String lastAnswer() {
        return lastAnswer;
    }

    void lastAnswer(String sdp) {
        lastAnswer = sdp;
    }

    @Override
    public String callId() {
        return invite.callId();
    }

    @Override
    public CompletionStage<Void> play(String wav) {
        return start(MediaFunctionSpec.prompt(Objects.requireNonNull(wav, "wav"))).thenApply(digits -> null);
    }

    @Override
    public CompletionStage<String> collectDigits(int maxDigits, char terminator, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (maxDigits < 1 || maxDigits > 64 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("collectDigits: 1-64 digits and a positive timeout, not " + maxDigits
                    + " and " + timeout);
        }
        if (terminator != 0 && DTMF_KEYS.indexOf(terminator) < 0) {
            throw new IllegalArgumentException("terminator '" + terminator + "' is not a DTMF key");
        }
        return start(MediaFunctionSpec.collectDigits(maxDigits, terminator, timeout));
    }

    @Override
    public CompletionStage<Void> echo() {
        return start(MediaFunctionSpec.echo()).thenApply(digits -> null);
    }

    @Override
    public CompletionStage<Void> record(String wav) {
        return start(MediaFunctionSpec.record(Objects.requireNonNull(wav, "wav"), Duration.ZERO))
                .thenApply(digits -> null);
    }

    @Override
    public CompletionStage<Void> joinConference(String room) {
        if (room == null || room.isBlank()) {
            throw new IllegalArgumentException("a conference needs a room name");
        }
        return start(MediaFunctionSpec.conference(room)).thenApply(digits -> null);
    }

    @Override
    public CompletionStage<Void> sendDtmf(String digits, Duration tone, Duration gap) {
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(gap, "gap");
        CompletableFuture<Void> result = new CompletableFuture<>();
        String bad = badDtmf(digits, tone, gap);
        if (bad != null) {
            result.completeExceptionally(new IllegalArgumentException(bad));
            return result;
        }
        if (closed.isDone()) {
            result.completeExceptionally(new DtmfSendException(DtmfSendException.Reason.MEDIA_CLOSED,
                    "the call's media is closed"));
            return result;
        }
        long id = commands.incrementAndGet();
        sending.put(id, result);
        if (!owner.publish(new SendDtmf(callId(), id, digits.toUpperCase(java.util.Locale.ROOT), (int) tone.toMillis(),
                (int) gap.toMillis()))) {
            sending.remove(id);
            result.completeExceptionally(new DtmfSendException(DtmfSendException.Reason.MEDIA_UNREACHABLE,
                    "the media plane is not reachable (bus full or stopped)"));
        }
        return result;
    }

    /** Why {@link #sendDtmf} refuses its arguments, or null. */
    private static String badDtmf(String digits, Duration tone, Duration gap) {
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (DTMF_KEYS.indexOf(Character.toUpperCase(c)) < 0) {
                return "'" + c + "' (position " + i + " of \"" + digits + "\") is not a DTMF key: 0-9 * # A-D";
            }
        }
        if (tone.compareTo(MIN_DTMF_TONE) < 0 || tone.compareTo(MAX_DTMF_DURATION) > 0 || gap.isNegative()
                || gap.compareTo(MAX_DTMF_DURATION) > 0) {
            return "DTMF tone " + tone.toMillis() + " ms (40-5000), gap " + gap.toMillis() + " ms (0-5000)";
        }
        return null;
    }

    /** The media plane answered {@code sendDtmf} command {@code id}. */
    void dtmfSent(long id, DtmfSent.Outcome outcome, String detail) {
        CompletableFuture<Void> result = sending.remove(id);
        if (result == null) {
            return;
        }
        invite.call().runSerially(() -> {
            switch (outcome) {
                case SENT -> result.complete(null);
                case BAD_REQUEST -> result.completeExceptionally(new IllegalArgumentException(detail));
                case NO_TELEPHONE_EVENT -> result.completeExceptionally(new DtmfSendException(
                        DtmfSendException.Reason.NO_TELEPHONE_EVENT, detail));
                case NOT_SENDING -> result.completeExceptionally(new DtmfSendException(
                        DtmfSendException.Reason.NOT_SENDING, detail));
                case MEDIA_CLOSED -> result.completeExceptionally(new DtmfSendException(
                        DtmfSendException.Reason.MEDIA_CLOSED, detail));
            }
        });
    }

    @Override
    public void onDtmf(Consumer<Character> listener) {
        dtmf = listener;
    }

    @Override
    public Optional<MediaQuality> quality() {
        return Optional.ofNullable(quality);
    }

    void quality(MediaQuality report) {
        quality = report;
    }

    @Override
    public CompletionStage<Void> closed() {
        return closed.copy();
    }

    @Override
    public void hangup() {
        invite.call().hangup();
    }

    private CompletableFuture<String> start(MediaFunctionSpec spec) {
        CompletableFuture<String> result = new CompletableFuture<>();
        if (closed.isDone()) {
            result.completeExceptionally(new MediaFunctionStoppedException("the call's media is closed", false));
            return result;
        }
        long id = commands.incrementAndGet();
        running.put(id, result);
        if (!owner.publish(new StartMediaFunction(callId(), id, spec))) {
            running.remove(id);
            result.completeExceptionally(new MediaFunctionStoppedException(
                    AppCodes.MEDIA_REJECTED + " the media plane is not reachable (bus full or stopped)", true));
        }
        return result;
    }

    /** The media plane reported the end of command {@code id}'s function. */
    void finished(long id, String reason, String digits, String detail) {
        CompletableFuture<String> result = running.remove(id);
        if (result == null) {
            return;
        }
        invite.call().runSerially(() -> {
            switch (reason) {
                case "STOPPED" -> result.completeExceptionally(new MediaFunctionStoppedException(
                        "replaced by another media function", false));
                case "FAILED" -> result.completeExceptionally(new MediaFunctionStoppedException(detail, true));
                default -> result.complete(digits);
            }
        });
    }

    void digit(char digit) {
        Consumer<Character> listener = dtmf;
        if (listener != null) {
            invite.call().runSerially(() -> listener.accept(digit));
        }
    }

    /** The call ended: every running function's stage fails, {@link #closed()} completes. */
    void close() {
        for (Long id : running.keySet()) {
            CompletableFuture<String> result = running.remove(id);
            if (result != null) {
                result.completeExceptionally(new MediaFunctionStoppedException("the call ended", false));
            }
        }
        for (Long id : sending.keySet()) {
            CompletableFuture<Void> result = sending.remove(id);
            if (result != null) {
                result.completeExceptionally(new DtmfSendException(DtmfSendException.Reason.MEDIA_CLOSED,
                        "the call ended"));
            }
        }
        closed.complete(null);
    }

    @Override
    public String toString() {
        return "MediaCall[" + callId() + "]";
    }
}
