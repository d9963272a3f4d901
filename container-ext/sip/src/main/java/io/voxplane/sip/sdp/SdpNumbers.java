package io.voxplane.sip.sdp;

/** Decimal number reading shared by the SDP values; no exceptions on bad input. */
final class SdpNumbers {

    private SdpNumbers() {
    }

    /**
     * The decimal number in {@code s[from, to)}, or -1 when the range is empty, holds a non-digit or
     * the number exceeds {@code max}.
     */
    static int parseInt(String s, int from, int to, int max) {
        long v = parseLong(s, from, to, max);
        return (int) v;
    }

    /** As {@link #parseInt} for longs; at most 18 digits so that nothing overflows. */
    static long parseLong(String s, int from, int to, long max) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > max ? -1 : v;
    }

    /** Whether {@code s} is a non-empty run of decimal digits. */
    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
