package io.voxplane.media;

/** A {@link NanoClock} that moves only when a test advances it. */
public final class VirtualClock implements NanoClock {

    private long now;

    public VirtualClock() {
        this(1_000_000_000L);
    }

    public VirtualClock(long start) {
        this.now = start;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    public void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }

    public void advanceNanos(long nanos) {
        now += nanos;
    }
}
