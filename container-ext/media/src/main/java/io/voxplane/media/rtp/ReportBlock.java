package io.voxplane.media.rtp;

/**
 * A reception report block (RFC 3550 s6.4.1), 24 bytes on the wire.
 *
 * @param ssrc the source reported on (unsigned 32-bit)
 * @param fractionLost losses since the previous report, in 1/256 (0..255)
 * @param cumulativeLost packets lost since the start, 24-bit signed
 * @param extendedHighestSequence highest sequence number received, with cycles in the top 16 bits
 * @param jitter interarrival jitter in RTP timestamp units
 * @param lastSenderReport LSR: compact NTP time of the last SR from that source, 0 if none
 * @param delaySinceLastSenderReport DLSR: 1/65536 s since that SR was received
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
        long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

    /** Wire size. */
    public static final int LENGTH = 24;

    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fractionLost " + fractionLost);
        }
        if (cumulativeLost < -0x800000 || cumulativeLost > 0x7FFFFF) {
            throw new IllegalArgumentException("cumulativeLost " + cumulativeLost);
        }
    }

    /** The fraction lost as a value in [0, 1). */
    public double fractionLostRatio() {
        return fractionLost / 256.0;
    }

    /** RTT of s6.4.1 for a block received at {@code arrivalCompactNtp}; -1 if unknown. */
    public long roundTripNanos(long arrivalCompactNtp) {
        return NtpTime.roundTripNanos(arrivalCompactNtp, lastSenderReport, delaySinceLastSenderReport);
    }
}
