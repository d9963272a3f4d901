package io.voxplane.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacketLossConcealerTest {

    private static short[] tone(int rate, double hz, int n, int from) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) (10000 * Math.sin(2 * Math.PI * hz * (i + from) / rate));
        }
        return s;
    }

    @Test
    void continuesAPeriodicSignalForTheFirstTenMilliseconds() {
        PacketLossConcealer plc = new PacketLossConcealer(8000);
        for (int f = 0; f < 5; f++) {
            plc.onGoodFrame(tone(8000, 125, 160, f * 160), 0, 160); // 64-sample period
        }
        short[] concealed = new short[160];
        plc.conceal(concealed, 0, 160);
        short[] truth = tone(8000, 125, 80, 800);
        double err = 0;
        double sig = 0;
        for (int i = 0; i < 80; i++) {
            err += Math.pow(concealed[i] - truth[i], 2);
            sig += Math.pow(truth[i], 2);
        }
        assertTrue(10 * Math.log10(sig / err) > 15, "SNR of the continuation");
    }

    @Test
    void fadesToSilenceAfterSixtyMilliseconds() {
        PacketLossConcealer plc = new PacketLossConcealer(8000);
        plc.onGoodFrame(tone(8000, 200, 400, 0), 0, 400);
        short[] out = new short[160];
        for (int f = 0; f < 4; f++) {
            plc.conceal(out, 0, 160);
        }
        for (short s : out) {
            assertEquals(0, s);
        }
    }

    @Test
    void mergesBackIntoRealAudioWithoutAJump() {
        PacketLossConcealer plc = new PacketLossConcealer(8000);
        plc.onGoodFrame(tone(8000, 125, 480, 0), 0, 480);
        short[] out = new short[160];
        plc.conceal(out, 0, 160);
        short[] next = tone(8000, 125, 160, 640);
        plc.onGoodFrame(next, 0, 160);
        assertTrue(Math.abs(next[0] - out[159]) < 3000, "step at the merge " + (next[0] - out[159]));
    }

    @Test
    void withoutHistoryConcealmentIsSilence() {
        PacketLossConcealer plc = new PacketLossConcealer(16000);
        short[] out = new short[320];
        java.util.Arrays.fill(out, (short) 5);
        plc.conceal(out, 0, 320);
        for (short s : out) {
            assertEquals(0, s);
        }
    }
}
