package io.voxplane.media.session;

/**
 * How a media function ended.
 *
 * @param function the function's name ({@code echo}, {@code prompt}, {@code record},
 *     {@code collect-digits}, {@code conference})
 * @param reason why it ended
 * @param digits the collected digits (collect-digits only, else empty)
 */
public record FunctionOutcome(String function, Reason reason, String digits) {

    /** Why a function ended. */
    public enum Reason {
        /** A prompt played to the end. */
        COMPLETED,
        /** The maximum number of digits was collected. */
        MAX_DIGITS,
        /** The terminator key was pressed. */
        TERMINATOR,
        /** No next digit within the inter-digit timeout. */
        INTER_DIGIT_TIMEOUT,
        /** The overall collection timeout elapsed. */
        TIMEOUT,
        /** A recording reached its maximum duration. */
        MAX_DURATION,
        /** It could not continue (a file error); see the log. */
        FAILED,
        /** Replaced by another function or the session closed (not reported to the listener). */
        STOPPED
    }

    public FunctionOutcome {
        digits = digits == null ? "" : digits;
    }
}
