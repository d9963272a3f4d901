package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InterarrivalJitterTest {

    @Test
    void evenlySpacedPacketsHaveNoJitter() {
        InterarrivalJitter j = new InterarrivalJitter(8000);
        for (int i = 0; i < 100; i++) {
            j.update(5_000_000_000L + i * 20_000_000L, 1234 + 160L * i);
        }
        assertEquals(0, j.jitter());
    }

    @Test
    void alternatingTwoMillisecondDelayConvergesToItsMeanDeviation() {
        InterarrivalJitter j = new InterarrivalJitter(8000);
        for (int i = 0; i < 500; i++) {
            long delay = (i % 2) * 2_000_000L; // transit alternates by 2 ms = 16 units
            j.update(i * 20_000_000L + delay, 160L * i);
        }
        assertEquals(16, j.jitter(), 1);
        assertEquals(2.0, j.jitterMillis(), 0.1);
    }

    @Test
    void timestampWrapDoesNotLookLikeJitter() {
        InterarrivalJitter j = new InterarrivalJitter(8000);
        long ts = 0xFFFFFFFFL - 800;
        for (int i = 0; i < 20; i++) {
            j.update(i * 20_000_000L, (ts + 160L * i) & 0xFFFFFFFFL);
        }
        assertEquals(0, j.jitter());
    }
}
