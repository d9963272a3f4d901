package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.VirtualClock;
import org.junit.jupiter.api.Test;

class InactivityMonitorTest {

    private final VirtualClock clock = new VirtualClock();
    private final InactivityMonitor monitor = new InactivityMonitor(clock, 30_000_000_000L);

    @Test
    void timesOutAfterThirtySecondsOfSilence() {
        clock.advanceMillis(29_999);
        assertFalse(monitor.isTimedOut());
        assertEquals(1_000_000, monitor.nanosUntilTimeout());
        clock.advanceMillis(1);
        assertTrue(monitor.isTimedOut());
    }

    @Test
    void packetsKeepTheStreamAlive() {
        for (int i = 0; i < 100; i++) {
            clock.advanceMillis(1000);
            monitor.onActivity();
        }
        assertFalse(monitor.isTimedOut());
    }

    @Test
    void aHeldStreamNeverTimesOutAndRestartsTimingOnResume() {
        monitor.pause();
        clock.advanceMillis(60_000);
        assertFalse(monitor.isTimedOut());
        monitor.resume();
        clock.advanceMillis(29_000);
        assertFalse(monitor.isTimedOut());
    }
}
