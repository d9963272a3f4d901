package io.voxplane.runtime.app;

import io.voxplane.api.MediaCall;
import io.voxplane.api.MediaFunctionStoppedException;
import io.voxplane.api.MediaQuality;
import io.voxplane.runtime.events.MediaFunctionSpec;
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
 * {@code MediaFunctionFinished} completes. Stages and the DTMF listener run under the call's
 * serial lock ({@link AppCall#runSerially}).
 */
final class AppMediaCall implements MediaCall {

    private final AppMedia owner;
    private final AppSipRequest invite;
    private final AtomicLong commands = new AtomicLong();
    private final Map<Long, CompletableFuture<String>> running = new ConcurrentHashMap<>();
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
        if (terminator != 0 && "0123456789*#ABCD".indexOf(terminator) < 0) {
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
        closed.complete(null);
    }

    @Override
    public String toString() {
        return "MediaCall[" + callId() + "]";
    }
}
