package io.voxplane.media.rtp;

/**
 * NTP timestamps as RTCP carries them (RFC 3550 s4): 64-bit fixed point seconds since
 * 1900-01-01, and the "compact" middle 32 bits (16.16 seconds) used by LSR and DLSR.
 */
public final class NtpTime {

    /** Seconds from 1900-01-01 to 1970-01-01. */
    public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

    private NtpTime() {
    }

    /** 64-bit NTP time of a Unix time in milliseconds. */
    public static long fromUnixMillis(long millis) {
        long seconds = Math.floorDiv(millis, 1000) + UNIX_EPOCH_OFFSET_SECONDS;
        long fraction = (Math.floorMod(millis, 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /** The middle 32 bits of a 64-bit NTP time (s6.4.1 LSR). */
    public static long compact(long ntp) {
        return (ntp >>> 16) & 0xFFFFFFFFL;
    }

    /** A duration in nanoseconds as 1/65536-second units (s6.4.1 DLSR), saturating at 32 bits. */
    public static long compactDuration(long nanos) {
        long units = (nanos << 16) / 1_000_000_000L;
        if (nanos > Long.MAX_VALUE >> 16) {
            units = 0xFFFFFFFFL;
        }
        return Math.max(0, Math.min(0xFFFFFFFFL, units));
    }

    /**
     * Round-trip time of s6.4.1 from a report block: {@code A - LSR - DLSR}, all in compact NTP
     * units modulo 2^32.
     *
     * @param arrivalCompact compact NTP time at which the report arrived
     * @return the RTT in nanoseconds, or -1 if the block carries no LSR (no SR received yet) or
     *     the result is negative (clocks or the peer's DLSR are wrong)
     */
    public static long roundTripNanos(long arrivalCompact, long lsr, long dlsr) {
        if (lsr == 0) {
            return -1;
        }
        long rtt = (arrivalCompact - lsr - dlsr) & 0xFFFFFFFFL;
        if (rtt > 0x7FFFFFFFL) {
            return -1;
        }
        return rtt * 1_000_000_000L >> 16;
    }
}
