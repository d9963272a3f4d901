package io.voxplane.media.codec;

/**
 * ITU-T G.711 mu-law companding (Table 2a/G.711) between 16-bit linear PCM and 8-bit codes.
 *
 * <p>G.711 works on 14-bit uniform PCM; a 16-bit sample is truncated to 14 bits
 * ({@code x >> 2}). Negative samples take the one's complement magnitude ({@code ~x}), as the
 * ITU-T G.191 software tools do, so the 14-bit decision intervals are symmetric about the
 * "negative zero" step. The 14-bit magnitude plus the bias 33 picks segment {@code s} (the
 * position of its top bit) and a 4-bit step within it; the code is the sign, segment and step
 * with all bits inverted. Decoding yields the mid-point of the decision interval, scaled back
 * to 16 bits.
 *
 * <p>Both directions are table lookups built once from that arithmetic; the tables are never
 * written after class initialisation.
 */
public final class MuLaw {

    private static final int BIAS = 33;
    private static final byte[] ENCODE = new byte[1 << 14];
    private static final short[] DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = (short) decodeArithmetic(code);
        }
        for (int i = 0; i < ENCODE.length; i++) {
            // index = (x >> 2) + 8192; every x with the same x >> 2 encodes alike
            int x = (i - 8192) << 2;
            ENCODE[i] = (byte) encodeArithmetic(x);
        }
    }

    private MuLaw() {
    }

    /** Encodes one 16-bit sample. */
    public static byte encode(int sample) {
        return ENCODE[(sample >> 2) + 8192];
    }

    /** Decodes one code (only its low 8 bits are used) to a 16-bit sample. */
    public static short decode(int code) {
        return DECODE[code & 0xFF];
    }

    static int encodeArithmetic(int x) {
        int negative = x < 0 ? 0x80 : 0;
        int magnitude = ((x < 0 ? ~x : x) >> 2) + BIAS;
        if (magnitude > 8191) {
            magnitude = 8191;
        }
        int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 5;
        int step = (magnitude >> (segment + 1)) & 0x0F;
        return ~(negative | (segment << 4) | step) & 0xFF;
    }

    static int decodeArithmetic(int code) {
        int c = ~code & 0xFF;
        int segment = (c >> 4) & 7;
        int step = c & 0x0F;
        int magnitude14 = ((2 * step + BIAS) << segment) - BIAS;
        int v = magnitude14 << 2;
        return (c & 0x80) != 0 ? -v : v;
    }
}
