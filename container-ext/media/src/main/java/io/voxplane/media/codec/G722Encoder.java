package io.voxplane.media.codec;

import java.util.Objects;

/**
 * ITU-T G.722 SB-ADPCM encoder at 64 kbit/s (mode 1): each pair of 16 kHz samples passes the
 * transmit QMF (s2.4), which splits it into a lower and a higher sub-band sample at 8 kHz; the
 * lower band is coded with a 6-bit adaptive quantizer (s3.3), the higher band with a 2-bit one
 * (s3.4), each with its adaptive predictor ({@link G722Band}). Output byte: {@code IH << 6 | IL}.
 *
 * <p>Input is taken as 16-bit PCM and used at full precision (no truncation to 14 bits), as
 * ffmpeg and spandsp do, which keeps the bitstream identical to theirs. About 1.2 KB of state (mostly the QMF history);
 * not thread-safe.
 */
public final class G722Encoder implements AudioEncoder {

    private final G722Qmf qmf = new G722Qmf();
    private final G722Band low = new G722Band(true);
    private final G722Band high = new G722Band(false);

    @Override
    public AudioCodec codec() {
        return G722Codec.INSTANCE;
    }

    @Override
    public int encode(short[] pcm, int pcmOffset, int length, byte[] out, int outOffset) {
        if ((length & 1) != 0) {
            throw new IllegalArgumentException("G.722 encodes sample pairs; odd length " + length);
        }
        Objects.checkFromIndexSize(pcmOffset, length, pcm.length);
        int bytes = length >> 1;
        Objects.checkFromIndexSize(outOffset, bytes, out.length);
        for (int i = 0; i < bytes; i++) {
            out[outOffset + i] = (byte) encodePair(pcm[pcmOffset + 2 * i], pcm[pcmOffset + 2 * i + 1]);
        }
        return bytes;
    }

    /** Encodes one pair of samples (older first) into one G.722 code byte. */
    int encodePair(int older, int newer) {
        qmf.push(older, newer);
        int xlow = (qmf.newerSum + qmf.olderSum) >> 14;
        int xhigh = (qmf.newerSum - qmf.olderSum) >> 14;

        // Lower band: SUBTL, QUANTL, INVQAL, adaptation
        int el = G722Band.saturate(xlow - low.estimate);
        int magnitude = el >= 0 ? el : -(el + 1);
        int det = low.scale;
        int interval = lowInterval(magnitude, det);
        int ilow = el < 0 ? G722Tables.LOW_CODE_NEGATIVE[interval] : G722Tables.LOW_CODE_POSITIVE[interval];
        int ril = ilow >> 2;
        int dlow = (det * G722Tables.LOW_INVERSE4[ril]) >> 15;
        low.adaptScale(ril);
        low.predict(dlow);

        // Higher band: SUBTH, QUANTH, INVQAH, adaptation
        int eh = G722Band.saturate(xhigh - high.estimate);
        int hmag = eh >= 0 ? eh : -(eh + 1);
        int deth = high.scale;
        boolean outer = hmag >= (G722Tables.HIGH_DECISION * deth) >> 12;
        int ihigh = eh < 0 ? (outer ? 0 : 1) : (outer ? 2 : 3);
        int dhigh = (deth * G722Tables.HIGH_INVERSE2[ihigh]) >> 15;
        high.adaptScale(ihigh);
        high.predict(dhigh);

        return (ihigh << 6) | ilow;
    }

    /**
     * Decision levels padded to 32 for a fixed five-step search: index 0 is never compared, 30
     * and 31 are never exceeded.
     */
    private static final long[] LOW_DECISION_PADDED = new long[32];

    static {
        for (int i = 1; i < 30; i++) {
            LOW_DECISION_PADDED[i] = G722Tables.LOW_DECISION[i];
        }
        LOW_DECISION_PADDED[30] = Long.MAX_VALUE >> 20;
        LOW_DECISION_PADDED[31] = Long.MAX_VALUE >> 20;
    }

    /**
     * The quantizer interval 1..30 of QUANTL: the first i with {@code m < (q6[i] * det) >> 12},
     * or 30. Equivalent to the Recommendation's linear scan: {@code m < floor(q * det / 4096)} is
     * {@code (m + 1) << 12 <= q * det}, and the levels are monotonic, so the interval is one more
     * than the number of levels below; a five-step search without data-dependent branches counts
     * them (the speech signal makes the comparisons unpredictable).
     */
    private static int lowInterval(int magnitude, int det) {
        long m = (long) (magnitude + 1) << 12;
        long[] t = LOW_DECISION_PADDED;
        int pos = 0;
        pos += t[pos + 16] * det < m ? 16 : 0;
        pos += t[pos + 8] * det < m ? 8 : 0;
        pos += t[pos + 4] * det < m ? 4 : 0;
        pos += t[pos + 2] * det < m ? 2 : 0;
        pos += t[pos + 1] * det < m ? 1 : 0;
        return pos + 1;
    }

    @Override
    public void reset() {
        qmf.reset();
        low.reset();
        high.reset();
    }
}
