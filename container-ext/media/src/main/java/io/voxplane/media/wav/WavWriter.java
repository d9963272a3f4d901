package io.voxplane.media.wav;

import io.voxplane.media.codec.ALaw;
import io.voxplane.media.codec.MuLaw;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes mono WAV files: 16-bit PCM, or 8-bit G.711 A-law/mu-law (format tags 6/7, with the
 * {@code fact} chunk non-PCM formats require). Sizes are known up front; the whole file is
 * written in one pass.
 */
public final class WavWriter {

    private WavWriter() {
    }

    /** Writes {@code samples} as 16-bit PCM. */
    public static void writePcm16(OutputStream out, int sampleRate, short[] samples) throws IOException {
        write(out, new WavAudio(sampleRate, WavAudio.FORMAT_PCM, samples));
    }

    /** Writes the audio in its {@link WavAudio#formatTag()}, encoding G.711 where asked. */
    public static void write(OutputStream out, WavAudio audio) throws IOException {
        int tag = audio.formatTag();
        short[] s = audio.samples();
        boolean pcm = tag == WavAudio.FORMAT_PCM;
        if (!pcm && tag != WavAudio.FORMAT_ALAW && tag != WavAudio.FORMAT_MULAW) {
            throw new IllegalArgumentException("cannot write format tag " + tag);
        }
        int bytesPerSample = pcm ? 2 : 1;
        int dataLength = s.length * bytesPerSample;
        int fmtLength = pcm ? 16 : 18;
        int factLength = pcm ? 0 : 12;
        int pad = dataLength & 1;
        int riffLength = 4 + 8 + fmtLength + factLength + 8 + dataLength + pad;
        byte[] b = new byte[8 + riffLength];
        int at = 0;
        at = putTag(b, at, "RIFF");
        at = put32(b, at, riffLength);
        at = putTag(b, at, "WAVE");
        at = putTag(b, at, "fmt ");
        at = put32(b, at, fmtLength);
        at = put16(b, at, tag);
        at = put16(b, at, 1);
        at = put32(b, at, audio.sampleRate());
        at = put32(b, at, audio.sampleRate() * bytesPerSample);
        at = put16(b, at, bytesPerSample);
        at = put16(b, at, 8 * bytesPerSample);
        if (!pcm) {
            at = put16(b, at, 0); // cbSize
            at = putTag(b, at, "fact");
            at = put32(b, at, 4);
            at = put32(b, at, s.length);
        }
        at = putTag(b, at, "data");
        at = put32(b, at, dataLength);
        for (short v : s) {
            if (pcm) {
                b[at++] = (byte) v;
                b[at++] = (byte) (v >> 8);
            } else {
                b[at++] = tag == WavAudio.FORMAT_ALAW ? ALaw.encode(v) : MuLaw.encode(v);
            }
        }
        out.write(b);
    }

    private static int putTag(byte[] b, int at, String t) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) t.charAt(i);
        }
        return at + 4;
    }

    private static int put16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        return at + 2;
    }

    private static int put32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
        return at + 4;
    }
}
