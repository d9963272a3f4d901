package io.voxplane.media.codec;

/**
 * ITU-T G.711 A-law companding (Table 1a/G.711) between 16-bit linear PCM and 8-bit codes.
 *
 * <p>G.711 A-law works on 13-bit uniform PCM; a 16-bit sample is truncated to 13 bits
 * ({@code x >> 3}), negative samples taking the one's complement magnitude ({@code ~x}) as in
 * ITU-T G.191. Segments 0 and 1 share the smallest step; each further segment doubles it. The
 * sign bit is 1 for positive values and the even bits are inverted ({@code ^ 0x55}) on the line.
 * Decoding yields the mid-point of the decision interval, scaled back to 16 bits.
 *
 * <p>Both directions are table lookups built once from that arithmetic.
 */
public final class ALaw {

    private static final byte[] ENCODE = new byte[1 << 13];
    private static final short[] DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = (short) decodeArithmetic(code);
        }
        for (int i = 0; i < ENCODE.length; i++) {
            int x = (i - 4096) << 3;
            ENCODE[i] = (byte) encodeArithmetic(x);
        }
    }

    private ALaw() {
    }

    /** Encodes one 16-bit sample. */
    public static byte encode(int sample) {
        return ENCODE[(sample >> 3) + 4096];
    }

    /** Decodes one code (only its low 8 bits are used) to a 16-bit sample. */
    public static short decode(int code) {
        return DECODE[code & 0xFF];
    }

    static int encodeArithmetic(int x) {
        boolean positive = x >= 0;
        int magnitude = (positive ? x : ~x) >> 3; // 12 bits, 0..4095
        int code;
        if (magnitude < 32) {
            code = magnitude >> 1;
        } else {
            int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 4; // 1..7
            code = (segment << 4) | ((magnitude >> segment) & 0x0F);
        }
        if (positive) {
            code |= 0x80;
        }
        return code ^ 0x55;
    }

    static int decodeArithmetic(int code) {
        int c = (code ^ 0x55) & 0xFF;
        int segment = (c >> 4) & 7;
        int step = c & 0x0F;
        int magnitude13 = segment == 0 ? 2 * step + 1 : (2 * step + 33) << (segment - 1);
        int v = magnitude13 << 3;
        return (c & 0x80) != 0 ? v : -v;
    }
}
