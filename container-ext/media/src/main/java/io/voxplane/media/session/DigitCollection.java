package io.voxplane.media.session;

import java.time.Duration;
import java.util.Objects;

/**
 * What a digit collection waits for (an IVR menu or PIN entry).
 *
 * @param maxDigits complete after this many digits (1..{@value #MAX_DIGITS})
 * @param terminator the key that ends entry early and is not part of the result ({@code '#'}), or
 *     {@link #NO_TERMINATOR}
 * @param interDigitTimeout complete if no next digit comes within this time after a digit
 * @param overallTimeout complete after this time in any case (also when no digit came)
 */
public record DigitCollection(int maxDigits, char terminator, Duration interDigitTimeout, Duration overallTimeout) {

    /** {@link #terminator()} when no key terminates. */
    public static final char NO_TERMINATOR = 0;
    /** Upper bound of {@link #maxDigits()}: 64, longer than any dial string or PIN. */
    public static final int MAX_DIGITS = 64;
    /** Time allowed between digits: 5 s, the usual IVR value (ITU-T E.161 gives no figure). */
    public static final Duration DEFAULT_INTER_DIGIT_TIMEOUT = Duration.ofSeconds(5);
    /** Time allowed for the whole entry: 30 s. */
    public static final Duration DEFAULT_OVERALL_TIMEOUT = Duration.ofSeconds(30);

    public DigitCollection {
        Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
        Objects.requireNonNull(overallTimeout, "overallTimeout");
        if (maxDigits < 1 || maxDigits > MAX_DIGITS || interDigitTimeout.isNegative() || interDigitTimeout.isZero()
                || overallTimeout.isNegative() || overallTimeout.isZero()) {
            throw new IllegalArgumentException("digit collection: " + maxDigits + " digits, timeouts "
                    + interDigitTimeout + "/" + overallTimeout);
        }
        if (terminator != NO_TERMINATOR && "0123456789*#ABCD".indexOf(terminator) < 0) {
            throw new IllegalArgumentException("terminator '" + terminator + "' is not a DTMF key");
        }
    }

    /** Up to {@code maxDigits}, ended by {@code #}, default timeouts. */
    public static DigitCollection upTo(int maxDigits) {
        return new DigitCollection(maxDigits, '#', DEFAULT_INTER_DIGIT_TIMEOUT, DEFAULT_OVERALL_TIMEOUT);
    }
}
