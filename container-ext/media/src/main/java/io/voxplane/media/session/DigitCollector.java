package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collect digits: gathers RFC 4733 digits until {@link DigitCollection#maxDigits()}, the
 * terminator, the inter-digit timeout (counted from the last digit, started by the first) or the
 * overall timeout, then completes its stage with the digits and reports the reason. Replaced or
 * closed before that, the stage fails with {@code VXMED-013}.
 */
final class DigitCollector implements MediaFunction {

    private final DigitCollection spec;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final StringBuilder digits = new StringBuilder();
    private MediaSession session;
    private ScheduledFuture<?> overall;
    private ScheduledFuture<?> interDigit;

    DigitCollector(DigitCollection spec) {
        this.spec = spec;
    }

    CompletionStage<String> result() {
        return result;
    }

    @Override
    public String name() {
        return "collect-digits";
    }

    @Override
    public void start(MediaSession s) {
        this.session = s;
        overall = s.scheduler().schedule(() -> s.locked(() -> end(FunctionOutcome.Reason.TIMEOUT)),
                spec.overallTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void onDigit(char digit) {
        if (spec.terminator() != DigitCollection.NO_TERMINATOR && digit == spec.terminator()) {
            end(FunctionOutcome.Reason.TERMINATOR);
            return;
        }
        digits.append(digit);
        if (digits.length() >= spec.maxDigits()) {
            end(FunctionOutcome.Reason.MAX_DIGITS);
            return;
        }
        if (interDigit != null) {
            interDigit.cancel(false);
        }
        interDigit = session.scheduler().schedule(
                () -> session.locked(() -> end(FunctionOutcome.Reason.INTER_DIGIT_TIMEOUT)),
                spec.interDigitTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void end(FunctionOutcome.Reason reason) {
        if (!session.isCurrent(this)) {
            return;
        }
        String collected = digits.toString();
        session.finished(this, new FunctionOutcome(name(), reason, collected));
        result.complete(collected);
    }

    @Override
    public void stop(FunctionOutcome.Reason reason) {
        if (overall != null) {
            overall.cancel(false);
        }
        if (interDigit != null) {
            interDigit.cancel(false);
        }
        if (reason == FunctionOutcome.Reason.STOPPED || reason == FunctionOutcome.Reason.FAILED) {
            result.completeExceptionally(new MediaException(MediaErrorCode.FUNCTION_STOPPED,
                    "digit collection stopped after '" + digits + "'"));
        }
    }
}
