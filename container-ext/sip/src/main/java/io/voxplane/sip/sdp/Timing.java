package io.voxplane.sip.sdp;

import java.util.List;

/**
 * A {@code t=} line with its {@code r=} lines (RFC 4566 s5.9, s5.10). Offer/answer sessions use
 * {@code t=0 0} (RFC 3264 s5); repeat lines are kept as written.
 *
 * @param start   NTP start time, 0 for unbounded
 * @param stop    NTP stop time, 0 for unbounded
 * @param repeats the following {@code r=} values, as written
 */
public record Timing(long start, long stop, List<String> repeats) {

    /** {@code t=0 0}: a permanent session. */
    public static final Timing PERMANENT = new Timing(0, 0, List.of());

    public Timing {
        repeats = List.copyOf(repeats);
    }

    /** The t= line's value, without {@code t=}. */
    public String value() {
        return Long.toString(start) + ' ' + stop;
    }
}
