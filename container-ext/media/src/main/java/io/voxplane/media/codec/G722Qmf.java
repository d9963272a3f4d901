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

    /** h(2i), i = 0..11. */
    private static final int[] EVEN_TAPS = {3, -11, 12, 32, -210, 951, 3876, -805, 362, -156, 53, -11};
    private static final int TAPS = 24;
    private static final int SPAN = 256;

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
        int o = 0;
        int n = 0;
        int base = start;
        for (int i = 0; i < 12; i++) {
            o += x[base + 2 * i] * EVEN_TAPS[i];
            n += x[base + 2 * i + 1] * EVEN_TAPS[11 - i];
        }
        olderSum = o;
        newerSum = n;
    }

    void reset() {
        java.util.Arrays.fill(history, 0);
        start = 0;
    }
}
