package io.voxplane.sip;

import java.util.Objects;

/**
 * The CSeq header field (RFC 3261 s20.16): a sequence number and a method. A number created by a
 * UAC must stay below 2^31 (s8.1.1.5, {@link #MAX_INITIAL}); a received one may be up to 2^32-1
 * ({@link #MAX}).
 */
public record CSeq(long number, String method) {

    /** Largest value accepted on the wire: the field is a 32-bit unsigned integer (s8.1.1.5). */
    public static final long MAX = 0xFFFF_FFFFL;

    /** Largest value a UAC may choose for a new request (s8.1.1.5: "MUST be less than 2**31"). */
    public static final long MAX_INITIAL = 0x7FFF_FFFFL;

    public CSeq {
        Objects.requireNonNull(method, "method");
        if (number < 0 || number > MAX) {
            throw new IllegalArgumentException("CSeq number out of range 0..2^32-1: " + number);
        }
        if (method.isEmpty() || !Chars.isToken(method)) {
            throw new IllegalArgumentException("CSeq method must be a token: '" + method + "'");
        }
    }

    /** The same number with another method (ACK and CANCEL reuse the INVITE number, s17.1.1.3, s9.1). */
    public CSeq withMethod(String otherMethod) {
        return new CSeq(number, otherMethod);
    }

    /** Wire form {@code 4711 INVITE}. */
    @Override
    public String toString() {
        return number + " " + method;
    }
}
