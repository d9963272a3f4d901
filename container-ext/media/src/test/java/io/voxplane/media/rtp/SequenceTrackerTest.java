package io.voxplane.media.rtp;

import static io.voxplane.media.rtp.SequenceTracker.Result.IN_ORDER;
import static io.voxplane.media.rtp.SequenceTracker.Result.JUMP_REJECTED;
import static io.voxplane.media.rtp.SequenceTracker.Result.LATE_OR_DUPLICATE;
import static io.voxplane.media.rtp.SequenceTracker.Result.PROBATION;
import static io.voxplane.media.rtp.SequenceTracker.Result.RESTARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void sourceBecomesValidAfterTwoSequentialPackets() {
        SequenceTracker t = new SequenceTracker();
        assertEquals(PROBATION, t.update(100));
        assertFalse(t.isValid());
        assertEquals(IN_ORDER, t.update(101));
        assertTrue(t.isValid());
        assertEquals(1, t.received());
        assertEquals(1, t.expected());
    }

    @Test
    void probationRestartsOnANonSequentialPacket() {
        SequenceTracker t = new SequenceTracker();
        t.update(100);
        assertEquals(PROBATION, t.update(500));
        assertEquals(IN_ORDER, t.update(501));
    }

    @Test
    void extendedSequenceCountsWrapAround() {
        SequenceTracker t = new SequenceTracker();
        t.update(65534);
        t.update(65535);
        assertEquals(IN_ORDER, t.update(0));
        assertEquals(IN_ORDER, t.update(1));
        assertEquals(65536 + 1, t.extendedMax());
        assertEquals(3, t.expected());
        assertEquals(0, t.cumulativeLost());
        assertEquals(65535, t.extend(65535));
    }

    @Test
    void lossAndFractionLostFollowAppendixA3() {
        SequenceTracker t = new SequenceTracker();
        t.update(0);
        for (int s = 1; s <= 100; s++) {
            if (s % 4 != 2) { // lose every fourth packet
                t.update(s);
            }
        }
        assertEquals(100, t.expected());
        assertEquals(25, t.cumulativeLost());
        assertEquals(64, t.fractionLostAndReset()); // 25% of 256
        for (int s = 101; s <= 200; s++) {
            t.update(s);
        }
        assertEquals(0, t.fractionLostAndReset());
        assertEquals(25, t.cumulativeLost());
    }

    @Test
    void lateAndDuplicatePacketsAreCountedNotLost() {
        SequenceTracker t = new SequenceTracker();
        t.update(10);
        t.update(11);
        t.update(13);
        assertEquals(LATE_OR_DUPLICATE, t.update(12));
        assertEquals(LATE_OR_DUPLICATE, t.update(12));
        assertEquals(-1, t.cumulativeLost()); // a duplicate more than makes up (A.3)
        assertEquals(0, t.fractionLostAndReset());
    }

    @Test
    void aLargeJumpNeedsASecondPacketToBeBelievedAsARestart() {
        SequenceTracker t = new SequenceTracker();
        t.update(1000);
        t.update(1001);
        assertEquals(JUMP_REJECTED, t.update(30000));
        assertEquals(1001, t.extendedMax());
        assertEquals(RESTARTED, t.update(30001));
        assertEquals(30001, t.extendedMax());
        assertEquals(1, t.received());
        assertEquals(IN_ORDER, t.update(30002));
    }
}
