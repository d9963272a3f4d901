package io.voxplane.media.jitter;

/**
 * Packet-loss concealment in the PCM domain for any codec without its own (G.711, G.722), in the
 * manner of ITU-T G.711 Appendix I: the last pitch period of the history is repeated, joined with a
 * short overlap-add so the period boundary does not click, and faded out (full level for the first
 * 10 ms, then -20% per 10 ms, silence after 60 ms). When real audio resumes its first
 * {@link #MERGE_MILLIS} ms are cross-faded from the synthetic signal.
 *
 * <p>State is a history of 3 pitch-search windows (about 1.5 KB at 16 kHz). Not thread-safe;
 * owned by the stream's jitter buffer.
 */
public final class PacketLossConcealer {

    /** Cross-fade length when real audio follows concealment. */
    public static final int MERGE_MILLIS = 4;
    private static final int HISTORY_MILLIS = 48;
    private static final int MIN_PITCH_HZ = 66;
    private static final int MAX_PITCH_HZ = 200;

    private final int sampleRate;
    private final short[] history;
    private final int minLag;
    private final int maxLag;
    private final short[] merge;
    private int concealedSamples;
    private int pitch;
    private int phase;
    private boolean haveHistory;

    public PacketLossConcealer(int sampleRate) {
        this.sampleRate = sampleRate;
        this.history = new short[sampleRate * HISTORY_MILLIS / 1000];
        this.minLag = sampleRate / MAX_PITCH_HZ;
        this.maxLag = sampleRate / MIN_PITCH_HZ;
        this.merge = new short[sampleRate * MERGE_MILLIS / 1000];
    }

    /** True while the last output was concealment (the next good frame will be merged). */
    public boolean isConcealing() {
        return concealedSamples > 0;
    }

    /**
     * Passes a good decoded frame through: remembers it as history and, right after
     * concealment, cross-fades its start from the synthetic continuation (modifies {@code pcm}).
     */
    public void onGoodFrame(short[] pcm, int off, int len) {
        if (concealedSamples > 0) {
            // continue the synthetic signal for the merge window and fade it into the real one
            int n = Math.min(merge.length, len);
            synthesize(merge, 0, n);
            for (int i = 0; i < n; i++) {
                int w = (i + 1) * 256 / (n + 1);
                pcm[off + i] = (short) ((merge[i] * (256 - w) + pcm[off + i] * w) >> 8);
            }
            concealedSamples = 0;
        }
        remember(pcm, off, len);
        haveHistory = true;
    }

    private void remember(short[] pcm, int off, int len) {
        if (len >= history.length) {
            System.arraycopy(pcm, off + len - history.length, history, 0, history.length);
        } else {
            System.arraycopy(history, len, history, 0, history.length - len);
            System.arraycopy(pcm, off, history, history.length - len, len);
        }
    }

    /** Writes {@code len} samples of concealment for a missing frame. */
    public void conceal(short[] out, int off, int len) {
        if (!haveHistory) {
            java.util.Arrays.fill(out, off, off + len, (short) 0);
            concealedSamples += len;
            return;
        }
        if (concealedSamples == 0) {
            pitch = findPitch();
            phase = 0;
        }
        synthesize(out, off, len);
        concealedSamples += len;
    }

    private void synthesize(short[] out, int off, int len) {
        int tenMs = sampleRate / 100;
        int start = history.length - pitch;
        int overlap = Math.max(1, pitch / 4);
        for (int i = 0; i < len; i++) {
            int p = phase % pitch;
            int s = history[start + p];
            // over the last quarter period, fade into the samples that precede the period start,
            // so the next repetition begins where they naturally lead
            int tail = pitch - overlap;
            if (p >= tail) {
                int j = p - tail;
                int w = (j + 1) * 256 / (overlap + 1);
                s = (s * (256 - w) + history[start - overlap + j] * w) >> 8;
            }
            int elapsed = concealedSamples + i;
            int gain; // Q8
            if (elapsed < tenMs) {
                gain = 256;
            } else {
                int fade = 256 - 256 * (elapsed - tenMs) / (5 * tenMs); // -20% per 10 ms
                gain = Math.max(0, fade);
            }
            out[off + i] = (short) ((s * gain) >> 8);
            phase++;
        }
    }

    /** Pitch lag maximising the normalised autocorrelation of the recent history. */
    private int findPitch() {
        int window = maxLag;
        int end = history.length;
        double bestScore = 0;
        int best = minLag;
        for (int lag = minLag; lag <= maxLag; lag++) {
            long corr = 0;
            long energy = 1;
            for (int i = end - window; i < end; i++) {
                int a = history[i];
                int b = history[i - lag];
                corr += (long) a * b;
                energy += (long) b * b;
            }
            double score = corr > 0 ? (double) corr * corr / energy : 0;
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }
}
