package io.voxplane.media.session;

/**
 * Converts 16-bit audio between the two rates the media plane uses, 8 kHz (G.711) and 16 kHz
 * (G.722, the conference mix). Upsampling interpolates linearly; downsampling averages sample
 * pairs, a two-tap low-pass that keeps telephone-band speech and attenuates what would alias.
 * Good enough for prompts and conference legs, not for music. Stateless.
 */
final class Resampler {

    private Resampler() {
    }

    /** True for the rates supported: 8,000 and 16,000 Hz. */
    static boolean supports(int rate) {
        return rate == 8000 || rate == 16000;
    }

    /** {@code in} at {@code from} Hz as {@code to} Hz (both supported); the same array when equal. */
    static short[] convert(short[] in, int from, int to) {
        if (from == to) {
            return in;
        }
        if (from == 8000 && to == 16000) {
            short[] out = new short[in.length * 2];
            up(in, 0, in.length, out, 0);
            return out;
        }
        if (from == 16000 && to == 8000) {
            short[] out = new short[in.length / 2];
            down(in, 0, out.length * 2, out, 0);
            return out;
        }
        throw new IllegalArgumentException(from + " Hz to " + to + " Hz");
    }

    /** Doubles the rate of {@code in[off, off+len)} into {@code out[outOff, outOff+2len)}. */
    static void up(short[] in, int off, int len, short[] out, int outOff) {
        for (int i = 0; i < len; i++) {
            int a = in[off + i];
            int b = i + 1 < len ? in[off + i + 1] : a;
            out[outOff + 2 * i] = (short) a;
            out[outOff + 2 * i + 1] = (short) ((a + b) >> 1);
        }
    }

    /** Halves the rate of {@code in[off, off+len)} (len even) into {@code out[outOff, outOff+len/2)}. */
    static void down(short[] in, int off, int len, short[] out, int outOff) {
        for (int i = 0; i < len / 2; i++) {
            out[outOff + i] = (short) ((in[off + 2 * i] + in[off + 2 * i + 1]) >> 1);
        }
    }
}
