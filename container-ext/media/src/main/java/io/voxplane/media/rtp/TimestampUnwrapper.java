package io.voxplane.media.rtp;

/**
 * Extends 32-bit RTP timestamps to 64 bits across wrap-around (a 8 kHz clock wraps every
 * 6.2 days; a random initial timestamp can wrap at any moment). Each new timestamp is placed
 * within half the 32-bit range of the previous one, so slightly older (reordered) timestamps
 * extend correctly too. Not thread-safe.
 */
public final class TimestampUnwrapper {

    private long last;
    private boolean started;

    /** The extended value of {@code timestamp} (only its low 32 bits are used). */
    public long unwrap(long timestamp) {
        long ts = timestamp & 0xFFFFFFFFL;
        if (!started) {
            started = true;
            last = ts;
            return ts;
        }
        int delta = (int) (ts - (last & 0xFFFFFFFFL));
        long extended = last + delta;
        if (delta > 0) {
            last = extended;
        }
        return extended;
    }

    public void reset() {
        started = false;
    }
}
