package io.voxplane.media.codec;

/** Quantizer tables of ITU-T G.722 at 64 kbit/s (s3.6 and Tables 4-9/G.722), read-only. */
final class G722Tables {

    /** Lower-band 6-bit quantizer decision levels (block 1L, QUANTL), Q12 of the scale factor; index 1..29 used. */
    static final int[] LOW_DECISION = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919};
    /** 6-bit code for a negative difference in interval 1..30 (ILN). */
    static final int[] LOW_CODE_NEGATIVE = {
        0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
        18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4};
    /** 6-bit code for a non-negative difference in interval 1..30 (ILP). */
    static final int[] LOW_CODE_POSITIVE = {
        0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
        46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32};
    /** Lower-band 6-bit inverse quantizer outputs (block 5L, 64 kbit/s mode, QM6), Q15 of the scale factor. */
    static final int[] LOW_INVERSE6 = {
        -136, -136, -136, -136, -24808, -21904, -19008, -16704,
        -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
        -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576,
        -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
        24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192,
        10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
        4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032,
        1688, 1360, 1040, 728, 432, 136, -432, -136};
    /** Lower-band 4-bit inverse quantizer outputs used by the predictor (block 2L, QM4). */
    static final int[] LOW_INVERSE4 = {
        0, -20456, -12896, -8968, -6288, -4240, -2584, -1200,
        20456, 12896, 8968, 6288, 4240, 2584, 1200, 0};
    /** Higher-band 2-bit inverse quantizer outputs (block 2H, QM2). */
    static final int[] HIGH_INVERSE2 = {-7408, -1616, 7408, 1616};
    /** Higher-band quantizer decision level (block 1H, QUANTH), Q12 of the scale factor. */
    static final int HIGH_DECISION = 564;

    private G722Tables() {
    }
}
