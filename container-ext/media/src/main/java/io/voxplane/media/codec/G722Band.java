package io.voxplane.media.codec;

/**
 * The state of one G.722 sub-band ADPCM loop (ITU-T G.722 s3.6, blocks 3 and 4): the quantizer
 * scale factor (log and linear) and the adaptive pole-zero predictor (two poles, six zeros).
 * Encoder and decoder run the identical loop on the quantized difference signal, so they stay in
 * step without side information.
 *
 * <p>Arithmetic follows the Recommendation's 16-bit fixed-point description, saturating where it
 * saturates. ffmpeg's adpcm_g722 saturates in fewer places (for example not the pole-section sum
 * on its own, nor the doubled difference in the zero section); that could only show on
 * pathological input: speech and speech overloaded 4x (vectors/README.md) are bit-exact. Not
 * thread-safe; owned by one encoder or decoder.
 */
final class G722Band {

    /** Log scale factor adaptation weights, lower band, by 4-bit magnitude (block 3L, LOGSCL). */
    private static final int[] LOW_LOG_WEIGHTS = {-60, -30, 58, 172, 334, 538, 1198, 3042};
    /** Magnitude index of a 4-bit lower-band code (block 3L, RIL4 -> IL4). */
    private static final int[] LOW_MAGNITUDE = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    /** Log scale factor adaptation weights, higher band, by 2-bit magnitude (block 3H, LOGSCH). */
    private static final int[] HIGH_LOG_WEIGHTS = {0, -214, 798};
    /** Magnitude index of a 2-bit higher-band code (block 3H, IH2). */
    private static final int[] HIGH_MAGNITUDE = {2, 1, 2, 1};
    /** Antilog table for the scale factor (blocks 3L/3H, SCALEL/SCALEH): 2^(i/32) in Q11. */
    private static final int[] ANTILOG = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008};

    private final boolean lowBand;
    private final int logScaleMax;
    private final int scaleShift;

    /** Log scale factor (nbl / nbh). */
    private int logScale;
    /** Linear scale factor (detl / deth). */
    int scale;
    /** Signal estimate (sl / sh): the predictor output used for the next sample. */
    int estimate;
    /** Zero-section output (szl / szh). */
    private int zeroEstimate;
    // Predictor state as scalars (hot path: no array bounds checks).
    /** Pole coefficients a1, a2. */
    private int a1;
    private int a2;
    /** Zero coefficients b1..b6. */
    private int b1;
    private int b2;
    private int b3;
    private int b4;
    private int b5;
    private int b6;
    /** Quantized differences d(n-1)..d(n-6). */
    private int d1;
    private int d2;
    private int d3;
    private int d4;
    private int d5;
    private int d6;
    /** Partially reconstructed signals p(n-1), p(n-2). */
    private int p1;
    private int p2;
    /** Reconstructed signals r(n-1), r(n-2). */
    private int r1;
    private int r2;

    G722Band(boolean lowBand) {
        this.lowBand = lowBand;
        this.logScaleMax = lowBand ? 18432 : 22528;
        this.scaleShift = lowBand ? 8 : 10;
        reset();
    }

    void reset() {
        logScale = 0;
        scale = lowBand ? 32 : 8;
        estimate = 0;
        zeroEstimate = 0;
        a1 = 0;
        a2 = 0;
        b1 = 0;
        b2 = 0;
        b3 = 0;
        b4 = 0;
        b5 = 0;
        b6 = 0;
        d1 = 0;
        d2 = 0;
        d3 = 0;
        d4 = 0;
        d5 = 0;
        d6 = 0;
        p1 = 0;
        p2 = 0;
        r1 = 0;
        r2 = 0;
    }

    static int saturate(int v) {
        return v > 32767 ? 32767 : (v < -32768 ? -32768 : v);
    }

    /**
     * Adapts the scale factor to the code just sent or received (blocks 3L/3H: LOGSCL/LOGSCH then
     * SCALEL/SCALEH).
     *
     * @param magnitudeCode the 4-bit lower-band code (lower band) or the 2-bit code (higher band)
     */
    void adaptScale(int magnitudeCode) {
        int weight = lowBand
                ? LOW_LOG_WEIGHTS[LOW_MAGNITUDE[magnitudeCode]]
                : HIGH_LOG_WEIGHTS[HIGH_MAGNITUDE[magnitudeCode]];
        int nb = ((logScale * 127) >> 7) + weight;
        logScale = nb < 0 ? 0 : Math.min(nb, logScaleMax);
        int mantissa = ANTILOG[(logScale >> 6) & 31];
        int shift = scaleShift - (logScale >> 11);
        int linear = shift < 0 ? mantissa << -shift : mantissa >> shift;
        scale = linear << 2;
    }

    /**
     * Runs the adaptive predictor (block 4: RECONS, PARREC, UPPOL2, UPPOL1, UPZERO, DELAYA,
     * FILTEP, FILTEZ, PREDIC) on the quantized difference {@code dq} and leaves the next signal
     * estimate in {@link #estimate}.
     */
    void predict(int dq) {
        // RECONS, PARREC
        int r0 = saturate(estimate + dq);
        int p0 = saturate(zeroEstimate + dq);

        // UPPOL2: second pole coefficient
        int sg0 = p0 >> 15;
        int sg1 = p1 >> 15;
        int sg2 = p2 >> 15;
        int wd1 = saturate(a1 << 2);
        int wd2 = sg0 == sg1 ? -wd1 : wd1;
        if (wd2 > 32767) {
            wd2 = 32767;
        }
        int apl2 = (wd2 >> 7) + (sg0 == sg2 ? 128 : -128) + ((a2 * 32512) >> 15);
        apl2 = apl2 > 12288 ? 12288 : (apl2 < -12288 ? -12288 : apl2);

        // UPPOL1: first pole coefficient, bounded by the new second one
        int apl1 = saturate((sg0 == sg1 ? 192 : -192) + ((a1 * 32640) >> 15));
        int limit = saturate(15360 - apl2);
        apl1 = apl1 > limit ? limit : (apl1 < -limit ? -limit : apl1);

        // UPZERO: sign agreement of d(n) with each d(n-i); leak factor 32640/32768
        int step = dq == 0 ? 0 : 128;
        int sgd = dq >> 15;
        b1 = saturate(((d1 >> 15) == sgd ? step : -step) + ((b1 * 32640) >> 15));
        b2 = saturate(((d2 >> 15) == sgd ? step : -step) + ((b2 * 32640) >> 15));
        b3 = saturate(((d3 >> 15) == sgd ? step : -step) + ((b3 * 32640) >> 15));
        b4 = saturate(((d4 >> 15) == sgd ? step : -step) + ((b4 * 32640) >> 15));
        b5 = saturate(((d5 >> 15) == sgd ? step : -step) + ((b5 * 32640) >> 15));
        b6 = saturate(((d6 >> 15) == sgd ? step : -step) + ((b6 * 32640) >> 15));

        // DELAYA
        d6 = d5;
        d5 = d4;
        d4 = d3;
        d3 = d2;
        d2 = d1;
        d1 = dq;
        a1 = apl1;
        a2 = apl2;
        r2 = r1;
        r1 = r0;
        p2 = p1;
        p1 = p0;

        // FILTEP
        int sp = saturate(((a1 * saturate(r1 + r1)) >> 15) + ((a2 * saturate(r2 + r2)) >> 15));

        // FILTEZ
        int sz = ((b1 * saturate(d1 + d1)) >> 15) + ((b2 * saturate(d2 + d2)) >> 15)
                + ((b3 * saturate(d3 + d3)) >> 15) + ((b4 * saturate(d4 + d4)) >> 15)
                + ((b5 * saturate(d5 + d5)) >> 15) + ((b6 * saturate(d6 + d6)) >> 15);
        zeroEstimate = saturate(sz);

        // PREDIC
        estimate = saturate(sp + zeroEstimate);
    }
}
