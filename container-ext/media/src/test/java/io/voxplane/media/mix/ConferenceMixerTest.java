package io.voxplane.media.mix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConferenceMixerTest {

    private static short[] constant(int n, int v) {
        short[] s = new short[n];
        Arrays.fill(s, (short) v);
        return s;
    }

    @Test
    void everyoneHearsTheSumOfTheOthersButNotThemselves() {
        ConferenceMixer m = new ConferenceMixer(4);
        int a = m.join();
        int b = m.join();
        int c = m.join();
        m.contribute(a, constant(4, 100), 0);
        m.contribute(b, constant(4, 20), 0);
        m.contribute(c, constant(4, 3), 0);
        m.mix();
        assertArrayEquals(constant(4, 23), m.output(a));
        assertArrayEquals(constant(4, 103), m.output(b));
        assertArrayEquals(constant(4, 120), m.output(c));
    }

    @Test
    void sumsSaturateInsteadOfWrapping() {
        ConferenceMixer m = new ConferenceMixer(2);
        int a = m.join();
        int b = m.join();
        int c = m.join();
        m.contribute(a, new short[] {30000, -30000}, 0);
        m.contribute(b, new short[] {30000, -30000}, 0);
        m.contribute(c, new short[] {0, 0}, 0);
        m.mix();
        assertArrayEquals(new short[] {32767, -32768}, m.output(c));
        assertArrayEquals(new short[] {30000, -30000}, m.output(a));
    }

    @Test
    void aSilentParticipantHearsEveryoneAndAddsNothing() {
        ConferenceMixer m = new ConferenceMixer(3);
        int talker = m.join();
        int listener = m.join();
        m.contribute(talker, constant(3, 500), 0);
        m.mix();
        assertArrayEquals(constant(3, 500), m.output(listener));
        assertArrayEquals(constant(3, 0), m.output(talker));
        m.mix(); // inputs are per tick: nobody spoke this time
        assertArrayEquals(constant(3, 0), m.output(listener));
    }

    @Test
    void matchesANaiveMixOfRandomAudio() {
        Random r = new Random(9);
        ConferenceMixer m = new ConferenceMixer(160, 8);
        short[][] in = new short[8][160];
        for (int p = 0; p < 8; p++) {
            assertEquals(p, m.join());
            for (int i = 0; i < 160; i++) {
                in[p][i] = (short) (r.nextInt(65536) - 32768);
            }
            m.contribute(p, in[p], 0);
        }
        m.mix();
        for (int p = 0; p < 8; p++) {
            for (int i = 0; i < 160; i++) {
                int s = 0;
                for (int q = 0; q < 8; q++) {
                    if (q != p) {
                        s += in[q][i];
                    }
                }
                assertEquals((short) Math.max(-32768, Math.min(32767, s)), m.output(p)[i]);
            }
        }
    }

    @Test
    void slotsAreReusedAndBoundsAreEnforced() {
        ConferenceMixer m = new ConferenceMixer(10, 2);
        int a = m.join();
        m.join();
        IllegalStateException full = assertThrows(IllegalStateException.class, m::join);
        assertEquals("MIX-001", full.getMessage().substring(0, 7));
        m.leave(a);
        assertEquals(a, m.join());
        m.leave(a);
        assertThrows(IllegalArgumentException.class, () -> m.contribute(a, new short[10], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.output(5));
    }
}
