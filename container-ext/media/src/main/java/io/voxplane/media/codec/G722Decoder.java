package io.voxplane.media.codec;

import java.util.Objects;

/**
 * ITU-T G.722 SB-ADPCM decoder at 64 kbit/s (mode 1): each code byte yields a lower-band sample
 * (6-bit inverse quantizer, s4.2) and a higher-band sample (2-bit, s4.3), each limited to 15 bits
 * (block 6, LIMIT), which the receive QMF (s2.5) combines into two 16 kHz output samples.
 *
 * <p>The QMF output can exceed 16 bits on overload; it is clipped to -32768..32767, never
 * wrapped (the behaviour of ffmpeg's adpcm_g722, unlike spandsp 0.0.6). Not thread-safe.
 */
public final class G722Decoder implements AudioDecoder {

    private final G722Qmf qmf = new G722Qmf();
    private final G722Band low = new G722Band(true);
    private final G722Band high = new G722Band(false);

    @Override
    public AudioCodec codec() {
        return G722Codec.INSTANCE;
    }

    @Override
    public int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset) {
        Objects.checkFromIndexSize(inOffset, length, in.length);
        Objects.checkFromIndexSize(pcmOffset, 2 * length, pcm.length);
        for (int i = 0; i < length; i++) {
            int code = in[inOffset + i] & 0xFF;
            decodeCode(code);
            pcm[pcmOffset + 2 * i] = clip(qmf.newerSum >> 11);
            pcm[pcmOffset + 2 * i + 1] = clip(qmf.olderSum >> 11);
        }
        return 2 * length;
    }

    private void decodeCode(int code) {
        int ilow = code & 0x3F;
        int ihigh = code >> 6;

        // Lower band: INVQBL, RECONS, LIMIT; INVQAL feeds the predictor
        int det = low.scale;
        int rlow = limit(low.estimate + ((det * G722Tables.LOW_INVERSE6[ilow]) >> 15));
        int ril = ilow >> 2;
        int dlow = (det * G722Tables.LOW_INVERSE4[ril]) >> 15;
        low.adaptScale(ril);
        low.predict(dlow);

        // Higher band: INVQAH, RECONS, LIMIT
        int deth = high.scale;
        int dhigh = (deth * G722Tables.HIGH_INVERSE2[ihigh]) >> 15;
        int rhigh = limit(high.estimate + dhigh);
        high.adaptScale(ihigh);
        high.predict(dhigh);

        qmf.push(rlow + rhigh, rlow - rhigh);
    }

    private static int limit(int v) {
        return v > 16383 ? 16383 : (v < -16384 ? -16384 : v);
    }

    private static short clip(int v) {
        return (short) (v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
    }

    @Override
    public void reset() {
        qmf.reset();
        low.reset();
        high.reset();
    }
}
