package io.voxplane.media.codec;

/**
 * The 24-tap quadrature mirror filter history shared by the G.722 transmit (s2.4) and receive
 * (s2.5) filters, with the coefficients h0..h23 of Table 2/G.722.
 *
 * <p>The filter is symmetric, so only the even taps h(2i) are kept: they weigh the older sample of
 * each pair in the window, and the odd taps h(2i+1) = h(22-2i) weigh the newer one. The history is
 * a sliding window over a longer array, moved back only once per {@link #SPAN} pairs, so pushing a
 * pair costs no copying.
 */
final class G722Qmf {

    // h(2i), i = 0..11: 3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11 (written out in push)
    private static final int TAPS = 24;
    private static final int SPAN = 128;

    private final int[] history = new int[TAPS + 2 * SPAN];
    private int start;

    /** The sum over the window of the older samples of each pair times h(2i). */
    int olderSum;
    /** The sum over the window of the newer samples of each pair times h(2i+1). */
    int newerSum;

    /** Appends one pair (older first) and recomputes {@link #olderSum} and {@link #newerSum}. */
    void push(int older, int newer) {
        if (start + TAPS + 2 > history.length) {
            System.arraycopy(history, start + 2, history, 0, TAPS - 2);
            start = 0;
        } else {
            start += 2;
        }
        int[] x = history;
        int end = start + TAPS;
        x[end - 2] = older;
        x[end - 1] = newer;
        int b = start;
        // h(2i) on the older sample of each pair, h(2i+1) = h(22-2i) on the newer one
        olderSum = 3 * x[b] - 11 * x[b + 2] + 12 * x[b + 4] + 32 * x[b + 6] - 210 * x[b + 8] + 951 * x[b + 10]
                + 3876 * x[b + 12] - 805 * x[b + 14] + 362 * x[b + 16] - 156 * x[b + 18] + 53 * x[b + 20]
                - 11 * x[b + 22];
        newerSum = -11 * x[b + 1] + 53 * x[b + 3] - 156 * x[b + 5] + 362 * x[b + 7] - 805 * x[b + 9]
                + 3876 * x[b + 11] + 951 * x[b + 13] - 210 * x[b + 15] + 32 * x[b + 17] + 12 * x[b + 19]
                - 11 * x[b + 21] + 3 * x[b + 23];
    }

    void reset() {
        java.util.Arrays.fill(history, 0);
        start = 0;
    }
}
