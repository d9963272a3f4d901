package io.voxplane.media.rtp;

import io.voxplane.media.NanoClock;

/**
 * Media inactivity ("RTP timeout") tracking on an injected clock: a call whose peer stopped
 * sending for {@link #DEFAULT_TIMEOUT_NANOS} is likely dead (crashed phone, lost NAT binding) and
 * should be hung up. Packets and comfort noise both count as activity; a held stream
 * ({@code a=sendonly/inactive}) should be {@link #pause() paused}. Not thread-safe; the media
 * plane polls {@link #isTimedOut()} from its timer.
 */
public final class InactivityMonitor {

    /** 30 s of silence: well above RTCP intervals (5 s) and short outages (config {@code voxplane.media.rtp-timeout}). */
    public static final long DEFAULT_TIMEOUT_NANOS = 30_000_000_000L;

    private final NanoClock clock;
    private final long timeoutNanos;
    private long lastActivity;
    private boolean paused;

    public InactivityMonitor(NanoClock clock) {
        this(clock, DEFAULT_TIMEOUT_NANOS);
    }

    public InactivityMonitor(NanoClock clock, long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout " + timeoutNanos);
        }
        this.clock = clock;
        this.timeoutNanos = timeoutNanos;
        this.lastActivity = clock.nanoTime();
    }

    /** A packet arrived. */
    public void onActivity() {
        lastActivity = clock.nanoTime();
    }

    /** Stops timing (the stream is on hold). */
    public void pause() {
        paused = true;
    }

    /** Restarts timing from now. */
    public void resume() {
        paused = false;
        lastActivity = clock.nanoTime();
    }

    /** Nanoseconds since the last activity. */
    public long idleNanos() {
        return clock.nanoTime() - lastActivity;
    }

    /** True if not paused and idle for at least the timeout. */
    public boolean isTimedOut() {
        return !paused && idleNanos() >= timeoutNanos;
    }

    /** Nanoseconds until the timeout would fire (for scheduling the next check), 0 if due. */
    public long nanosUntilTimeout() {
        return Math.max(0, timeoutNanos - idleNanos());
    }
}
