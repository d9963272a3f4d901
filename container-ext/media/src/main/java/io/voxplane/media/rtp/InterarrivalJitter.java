package io.voxplane.media.rtp;

/**
 * Interarrival jitter estimate of RFC 3550 s6.4.1, computed as in Appendix A.8 with integer
 * arithmetic: {@code J += (|D| - J) / 16}, where {@code D} is the change in relative transit
 * time between consecutive packets, in RTP timestamp units. Kept scaled by 16 for precision.
 * Not thread-safe.
 */
public final class InterarrivalJitter {

    private final int clockRate;
    private long lastTransit;
    private boolean hasTransit;
    private long jitterQ4;

    /** @param clockRate the RTP clock rate of the stream (8000 for G.722, see RFC 3551 s4.5.2) */
    public InterarrivalJitter(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clockRate " + clockRate);
        }
        this.clockRate = clockRate;
    }

    /**
     * Accounts one packet.
     *
     * @param arrivalNanos arrival time on the local monotonic clock
     * @param rtpTimestamp the packet's RTP timestamp (unsigned 32-bit)
     */
    public void update(long arrivalNanos, long rtpTimestamp) {
        long arrival = Math.floorDiv(arrivalNanos, 1_000_000_000L) * clockRate
                + Math.floorMod(arrivalNanos, 1_000_000_000L) * clockRate / 1_000_000_000L;
        // transit differences only matter modulo 2^32 RTP units
        long transit = (int) (arrival - rtpTimestamp);
        if (hasTransit) {
            long d = (int) (transit - lastTransit);
            if (d < 0) {
                d = -d;
            }
            jitterQ4 += d - ((jitterQ4 + 8) >> 4);
        }
        lastTransit = transit;
        hasTransit = true;
    }

    /** Jitter in RTP timestamp units, as reported in a report block. */
    public long jitter() {
        return jitterQ4 >> 4;
    }

    /** Jitter in milliseconds. */
    public double jitterMillis() {
        return jitterQ4 / 16.0 * 1000.0 / clockRate;
    }

    public void reset() {
        hasTransit = false;
        jitterQ4 = 0;
    }
}
