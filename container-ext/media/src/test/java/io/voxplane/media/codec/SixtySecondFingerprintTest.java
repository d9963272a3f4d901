package io.voxplane.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * FNV-1a 64 fingerprints of the 60 s benchmark signal and its encodings, in the format of the
 * {@code # fnv1a64} line that {@code shared/bench/codecs/speed.c} prints, so a run of the C
 * reference can be compared by eye. The G.722 values equal ffmpeg 5.1.9's on the same 60 s
 * (see vectors/README.md); the mu-law value differs from spandsp's by design (G.191 rounding of
 * negative inputs, as vectors.c notes).
 */
class SixtySecondFingerprintTest {

    static long fnv1a64(byte[] p) {
        long h = 0xcbf29ce484222325L;
        for (byte b : p) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    @Test
    void sixtySecondsMatchTheRecordedFingerprints() {
        short[] pcm8 = SpeechLikeSignal.generate(8000, 60 * 8000);
        short[] pcm16 = SpeechLikeSignal.generate(16000, 60 * 16000);
        byte[] ulaw = new byte[pcm8.length];
        byte[] alaw = new byte[pcm8.length];
        G711Codec.PCMU.newEncoder().encode(pcm8, 0, pcm8.length, ulaw, 0);
        G711Codec.PCMA.newEncoder().encode(pcm8, 0, pcm8.length, alaw, 0);
        byte[] g722 = G722Test.encodeIn20msFrames(pcm16);
        short[] g722dec = G722Test.decodeIn20msFrames(g722);
        assertEquals(0xb059458a41bde621L, fnv1a64(Vectors.toS16le(pcm8)), "pcm8");
        assertEquals(0x5bd4f5b905abe7fdL, fnv1a64(Vectors.toS16le(pcm16)), "pcm16");
        assertEquals(0x289cd77cc52281d3L, fnv1a64(ulaw), "ulaw");
        assertEquals(0xa3c49c0281e963efL, fnv1a64(alaw), "alaw");
        assertEquals(0x91af7770c8eb43a3L, fnv1a64(g722), "g722 (= ffmpeg adpcm_g722)");
        assertEquals(0xf6aa44c2c6d82c5bL, fnv1a64(Vectors.toS16le(g722dec)), "g722dec (= ffmpeg adpcm_g722)");
    }
}
