package io.voxplane.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** G.722 bit-exactness against ffmpeg's independent adpcm_g722 (vectors/README.md). */
class G722Test {

    @Test
    void encoderProducesFfmpegsBitstreamOnSpeech() {
        short[] pcm = Vectors.speech16k2s();
        byte[] expected = Vectors.bytes("g722_ffmpeg_speech16k_2s.g722");
        byte[] ours = encodeIn20msFrames(pcm);
        assertEquals(-1, Vectors.firstDifference(expected, ours), "first differing byte");
    }

    @Test
    void decoderReproducesFfmpegsSamplesOnSpeech() {
        byte[] bits = Vectors.bytes("g722_ffmpeg_speech16k_2s.g722");
        short[] expected = Vectors.s16le("g722_ffmpeg_speech16k_2s.decoded.s16le");
        assertEquals(-1, Vectors.firstDifference(expected, decodeIn20msFrames(bits)), "first differing sample");
    }

    @Test
    void overloadIsBitExactToo() {
        byte[] expected = Vectors.bytes("g722_ffmpeg_overload16k_1s.g722");
        assertEquals(-1, Vectors.firstDifference(expected, encodeIn20msFrames(Vectors.overload16k1s())));
    }

    @Test
    void overloadedOutputClipsInsteadOfWrapping() {
        byte[] bits = Vectors.bytes("g722_ffmpeg_overload16k_1s.g722");
        short[] expected = Vectors.s16le("g722_ffmpeg_overload16k_1s.decoded.s16le");
        short[] ours = decodeIn20msFrames(bits);
        assertEquals(-1, Vectors.firstDifference(expected, ours));
        int clipped = 0;
        for (short s : ours) {
            if (s == Short.MAX_VALUE || s == Short.MIN_VALUE) {
                clipped++;
            }
        }
        assertTrue(clipped > 100, "the vector exercises clipping: " + clipped);
    }

    @Test
    void frameSizeDoesNotChangeTheBitstream() {
        short[] pcm = Vectors.speech16k2s();
        G722Encoder whole = new G722Encoder();
        byte[] once = new byte[pcm.length / 2];
        whole.encode(pcm, 0, pcm.length, once, 0);
        assertEquals(-1, Vectors.firstDifference(once, encodeIn20msFrames(pcm)));
    }

    @Test
    void resetStartsANewStream() {
        short[] pcm = Vectors.speech16k2s();
        G722Encoder enc = new G722Encoder();
        byte[] first = new byte[160];
        byte[] again = new byte[160];
        enc.encode(pcm, 0, 320, first, 0);
        enc.encode(pcm, 320, 320, again, 0);
        enc.reset();
        enc.encode(pcm, 0, 320, again, 0);
        assertEquals(-1, Vectors.firstDifference(first, again));
    }

    @Test
    void oddSampleCountIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new G722Encoder().encode(new short[3], 0, 3, new byte[2], 0));
    }

    static byte[] encodeIn20msFrames(short[] pcm) {
        G722Encoder enc = new G722Encoder();
        byte[] out = new byte[pcm.length / 2];
        for (int i = 0; i < pcm.length; i += 320) {
            enc.encode(pcm, i, Math.min(320, pcm.length - i), out, i / 2);
        }
        return out;
    }

    static short[] decodeIn20msFrames(byte[] bits) {
        G722Decoder dec = new G722Decoder();
        short[] out = new short[bits.length * 2];
        for (int i = 0; i < bits.length; i += 160) {
            dec.decode(bits, i, Math.min(160, bits.length - i), out, 2 * i);
        }
        return out;
    }
}
