package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimestampUnwrapperTest {

    @Test
    void continuesPastTheThirtyTwoBitWrap() {
        TimestampUnwrapper u = new TimestampUnwrapper();
        assertEquals(0xFFFFFF00L, u.unwrap(0xFFFFFF00L));
        assertEquals(0x1_0000_0060L, u.unwrap(0x60));
        assertEquals(0x1_0000_0100L, u.unwrap(0x100));
    }

    @Test
    void aSlightlyOlderTimestampStaysInItsCycle() {
        TimestampUnwrapper u = new TimestampUnwrapper();
        u.unwrap(0xFFFFFF00L);
        u.unwrap(0x60);
        assertEquals(0xFFFFFFA0L, u.unwrap(0xFFFFFFA0L));
        assertEquals(0x1_0000_00C0L, u.unwrap(0xC0));
    }
}
