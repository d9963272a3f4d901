package io.voxplane.media.codec;

/**
 * Deterministic speech-like test signal, integer arithmetic only, bit for bit the same as the
 * C generator {@code shared/bench/codecs/siggen.h} used by the libspandsp reference benchmark, so
 * Java and C encode the same input.
 *
 * <p>Construction: a 32-bit LCG (seed {@code 0x12345678}) for noise; a fundamental sweeping
 * 110..190 Hz (triangle, period 3 s) with 12 harmonics of fixed formant-like weights; a 3.5 Hz
 * syllable envelope whose positive half gates the harmonics and whose negative half gates
 * first-difference ("fricative") noise; a constant low background noise. Sines use the Bhaskara I
 * approximation in Q15. Peak level is about +-20,000.
 *
 * <p>Not thread-safe: one instance per producer.
 */
public final class SpeechLikeSignal {

    private static final int[] HARMONIC_WEIGHTS_Q8 = {180, 256, 200, 120, 150, 170, 90, 60, 70, 40, 30, 20};

    private final int sampleRate;
    private final long period;
    private final int syllableIncrement;
    private int lcg = 0x12345678;
    private int fundamentalPhase;
    private int syllablePhase;
    private int previousNoise;
    private long n;

    /** @param sampleRate samples per second, for example 8000 or 16000 */
    public SpeechLikeSignal(int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.period = 3L * sampleRate;
        this.syllableIncrement = (int) ((3500L << 32) / (1000L * sampleRate));
    }

    /** Returns {@code count} samples of the signal from its start at {@code sampleRate}. */
    public static short[] generate(int sampleRate, int count) {
        SpeechLikeSignal g = new SpeechLikeSignal(sampleRate);
        short[] out = new short[count];
        for (int i = 0; i < count; i++) {
            out[i] = g.next();
        }
        return out;
    }

    /** sin(2 pi phase / 2^32) in Q15, Bhaskara I approximation. */
    static int sineQ15(int phase) {
        int p = phase >>> 16;
        boolean negative = p >= 32768;
        long t = p & 32767;
        long u = t * (32768 - t);
        long num = u << 19;
        long den = 5L * (1L << 30) - 4 * u;
        int s = (int) (num / den);
        if (s > 32767) {
            s = 32767;
        }
        return negative ? -s : s;
    }

    private int noise() {
        lcg = lcg * 1664525 + 1013904223;
        return (short) (lcg >>> 16);
    }

    /** The next sample. */
    public short next() {
        long pos = n % period;
        long half = period / 2;
        long tri = pos < half ? pos : period - pos;
        long f0MilliHz = 110_000L + (80_000L * tri) / half;
        int inc0 = (int) ((f0MilliHz << 32) / (1000L * sampleRate));

        long voiced = 0;
        for (int k = 0; k < 12; k++) {
            voiced += (long) sineQ15(fundamentalPhase * (k + 1)) * HARMONIC_WEIGHTS_Q8[k];
        }
        voiced >>= 11;

        int env = sineQ15(syllablePhase);
        int voicedEnv = Math.max(env, 0);
        int unvoicedEnv = env < 0 ? -env : 0;

        int nz = noise();
        int hp = (nz - previousNoise) >> 1;
        previousNoise = nz;
        int background = noise() >> 9;

        long s = ((voiced * voicedEnv) >> 15) + ((((long) hp * unvoicedEnv) >> 15) >> 2) + background;
        if (s > 32767) {
            s = 32767;
        } else if (s < -32768) {
            s = -32768;
        }
        fundamentalPhase += inc0;
        syllablePhase += syllableIncrement;
        n++;
        return (short) s;
    }
}
