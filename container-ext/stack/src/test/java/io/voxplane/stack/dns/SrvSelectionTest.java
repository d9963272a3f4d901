package io.voxplane.stack.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 2782 ordering: priorities ascending, weighted random choice within a priority. */
class SrvSelectionTest {

    private static final SrvRecord MAIN_A = new SrvRecord(10, 60, 5060, "a.example.com");
    private static final SrvRecord MAIN_B = new SrvRecord(10, 40, 5060, "b.example.com");
    private static final SrvRecord BACKUP = new SrvRecord(20, 0, 5060, "backup.example.com");

    @Test
    void everyRecordComesOnceWithLowerPrioritiesFirst() {
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            List<SrvRecord> ordered = SrvSelection.order(List.of(BACKUP, MAIN_A, MAIN_B), random);

            assertEquals(3, ordered.size());
            assertEquals(3, new HashSet<>(ordered).size());
            assertEquals(10, ordered.get(0).priority());
            assertEquals(10, ordered.get(1).priority());
            assertEquals(BACKUP, ordered.get(2));
        }
    }

    @Test
    void firstPickFollowsTheWeights() {
        Random random = new Random(42);
        int picks = 10_000;
        int a = 0;
        for (int i = 0; i < picks; i++) {
            if (SrvSelection.order(List.of(MAIN_A, MAIN_B), random).get(0).equals(MAIN_A)) {
                a++;
            }
        }
        // draws 0..60 of 0..100 pick a: 61 of 101
        double share = a / (double) picks;
        assertTrue(share > 0.58 && share < 0.63, "share of weight 60 against 40: " + share);
    }

    @Test
    void zeroWeightRecordIsRarelyFirstAmongWeightedOnes() {
        SrvRecord zero = new SrvRecord(10, 0, 5060, "zero.example.com");
        SrvRecord weighted = new SrvRecord(10, 100, 5060, "weighted.example.com");
        Random random = new Random(3);
        int zeroFirst = 0;
        for (int i = 0; i < 10_000; i++) {
            if (SrvSelection.order(List.of(weighted, zero), random).get(0).equals(zero)) {
                zeroFirst++;
            }
        }
        // only a draw of exactly 0 (1 in 101) picks it
        assertTrue(zeroFirst > 0 && zeroFirst < 250, "zero weight first " + zeroFirst + " times in 10000");
    }

    @Test
    void recordsOfWeightZeroOnlyAreAllReturned() {
        SrvRecord one = new SrvRecord(0, 0, 5060, "one.example.com");
        SrvRecord two = new SrvRecord(0, 0, 5061, "two.example.com");

        assertEquals(2, new HashSet<>(SrvSelection.order(List.of(one, two), new Random(5))).size());
    }

    @Test
    void parsesTheJdkTextFormAndRejectsOthers() {
        assertEquals(new SrvRecord(10, 60, 5060, "sip1.example.com"), SrvRecord.parse("10 60 5060 SIP1.example.com."));
        assertEquals(false, SrvRecord.parse("0 0 0 .").available());
        assertThrows(IllegalArgumentException.class, () -> SrvRecord.parse("10 60 sip1.example.com."));
        assertThrows(IllegalArgumentException.class, () -> SrvRecord.parse("10 60 x sip1.example.com."));
        assertThrows(IllegalArgumentException.class, () -> SrvRecord.parse("10 60 70000 sip1.example.com."));
    }
}
