package io.voxplane.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * G.711 against the segment tables of ITU-T G.711 (Tables 1a and 2a) and against ffmpeg's
 * pcm_mulaw / pcm_alaw (vectors/README.md).
 */
class G711Test {

    /** mu-law: first decision value of each segment and its step, 14-bit magnitude (Table 2a). */
    private static final int[] MU_SEGMENT_START = {-1, 31, 95, 223, 479, 991, 2015, 4063};
    private static final int[] MU_STEP = {2, 4, 8, 16, 32, 64, 128, 256};
    /** A-law: first decision value of each segment and its step, 12-bit magnitude (Table 1a). */
    private static final int[] A_SEGMENT_START = {0, 32, 64, 128, 256, 512, 1024, 2048};
    private static final int[] A_STEP = {2, 2, 4, 8, 16, 32, 64, 128};

    @Test
    void muLawDecodesTheStandardLevels() {
        assertEquals(-32124, MuLaw.decode(0x00));
        assertEquals(32124, MuLaw.decode(0x80));
        assertEquals(0, MuLaw.decode(0xFF));
        assertEquals(0, MuLaw.decode(0x7F));
        assertEquals(8, MuLaw.decode(0xFE));
        assertEquals(-8, MuLaw.decode(0x7E));
        assertEquals(132, MuLaw.decode(0xEF)); // segment 0, step 0x10 after inversion: 33 * 4
    }

    @Test
    void aLawDecodesTheStandardLevels() {
        assertEquals(8, ALaw.decode(0xD5));
        assertEquals(-8, ALaw.decode(0x55));
        assertEquals(32256, ALaw.decode(0xAA));
        assertEquals(-32256, ALaw.decode(0x2A));
    }

    @Test
    void everyCodeDecodesToTheMidpointOfItsTableInterval() {
        for (int code = 0; code < 256; code++) {
            int c = ~code & 0xFF;
            int seg = (c >> 4) & 7;
            int q = c & 15;
            int lo = MU_SEGMENT_START[seg] + q * MU_STEP[seg];
            int mid = seg == 0 ? 2 * q : lo + MU_STEP[seg] / 2;
            int expected = ((c & 0x80) != 0 ? -mid : mid) * 4;
            assertEquals(expected, MuLaw.decode(code), "mu-law code " + code);

            int ca = (code ^ 0x55) & 0xFF;
            int sa = (ca >> 4) & 7;
            int qa = ca & 15;
            int mida = A_SEGMENT_START[sa] + qa * A_STEP[sa] + A_STEP[sa] / 2;
            int expectedA = ((ca & 0x80) != 0 ? mida : -mida) * 8;
            assertEquals(expectedA, ALaw.decode(code), "A-law code " + code);
        }
    }

    @Test
    void encodingTheDecodedLevelGivesBackTheCode() {
        for (int code = 0; code < 256; code++) {
            // 0x7F is mu-law "negative zero": it decodes to 0, which encodes as positive zero 0xFF
            int expectedMu = code == 0x7F ? 0xFF : code;
            assertEquals(expectedMu, MuLaw.encode(MuLaw.decode(code)) & 0xFF, "mu-law code " + code);
            assertEquals(code, ALaw.encode(ALaw.decode(code)) & 0xFF, "A-law code " + code);
        }
    }

    @Test
    void theWhole16BitRangeEncodesToTheTableSegmentAndStep() {
        for (int x = -32768; x <= 32767; x++) {
            // G.191 convention: negative samples use the one's complement magnitude
            int mag = x < 0 ? ~x : x;
            int m14 = Math.min(mag >> 2, 8158);
            int muCode = tableCode(m14, MU_SEGMENT_START, MU_STEP);
            int expectedMu = ~((x < 0 ? 0x80 : 0) | muCode) & 0xFF;
            assertEquals(expectedMu, MuLaw.encode(x) & 0xFF, "mu-law x=" + x);

            int m12 = mag >> 3;
            int aCode = tableCode(m12, A_SEGMENT_START, A_STEP);
            int expectedA = ((x >= 0 ? 0x80 : 0) | aCode) ^ 0x55;
            assertEquals(expectedA, ALaw.encode(x) & 0xFF, "A-law x=" + x);
        }
    }

    private static int tableCode(int magnitude, int[] starts, int[] steps) {
        for (int seg = 7; seg >= 0; seg--) {
            if (magnitude >= Math.max(starts[seg], 0)) {
                int q = Math.min(15, (magnitude - starts[seg]) / steps[seg]);
                return seg << 4 | q;
            }
        }
        throw new AssertionError("magnitude " + magnitude);
    }

    @Test
    void decodingMatchesFfmpegForAll256Codes() {
        short[] mu = Vectors.s16le("pcmu_ffmpeg_all_codes.decoded.s16le");
        short[] a = Vectors.s16le("pcma_ffmpeg_all_codes.decoded.s16le");
        for (int code = 0; code < 256; code++) {
            assertEquals(mu[code], MuLaw.decode(code), "mu-law code " + code);
            assertEquals(a[code], ALaw.decode(code), "A-law code " + code);
        }
    }

    @Test
    void encodingDiffersFromFfmpegOnlyNextToDecisionLevels() {
        short[] pcm = Vectors.speech8k2s();
        byte[] mu = Vectors.bytes("pcmu_ffmpeg_speech8k_2s.ul");
        byte[] a = Vectors.bytes("pcma_ffmpeg_speech8k_2s.al");
        int same = 0;
        for (int i = 0; i < pcm.length; i++) {
            int x = pcm[i];
            assertTrue(withinOneStepOfBoundary(mu[i], x, MuLaw::encode, MuLaw::decode), "mu-law x=" + x);
            assertTrue(withinOneStepOfBoundary(a[i], x, ALaw::encode, ALaw::decode), "A-law x=" + x);
            if (mu[i] == MuLaw.encode(x) && a[i] == ALaw.encode(x)) {
                same++;
            }
        }
        assertTrue(same > pcm.length * 8 / 10, "agreement " + same);
    }

    /**
     * ffmpeg's G.711 encoder is a nearest-level table: it puts each decision level at the
     * mid-point between two decoded levels (G.711 does not where the step size doubles between
     * segments) and rounds negative magnitudes up. So for inputs near a decision level it may pick
     * the neighbouring code: true if ffmpeg's code is what we give some input within a quarter of
     * the distance between the two levels (plus one 14-bit step) of {@code x}.
     */
    static boolean withinOneStepOfBoundary(byte ffmpeg, int x, IntFunction<Byte> ours,
            IntFunction<Short> decode) {
        byte mine = ours.apply(x);
        if (mine == ffmpeg) {
            return true;
        }
        int distance = Math.abs(decode.apply(mine) - decode.apply(ffmpeg));
        int d = distance / 4 + 4;
        for (int y = Math.max(-32768, x - d); y <= Math.min(32767, x + d); y++) {
            if (ours.apply(y) == ffmpeg) {
                return true;
            }
        }
        return false;
    }
}
