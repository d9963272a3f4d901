package io.voxplane.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpeechLikeSignalTest {

    @Test
    void reproducesTheCGeneratorBitForBitAt16kHz() {
        assertEquals("5907433690665b081f91dab180b9b7f02b1802ab6f91016cbf25fd7d632af706",
                Vectors.sha256(Vectors.toS16le(Vectors.speech16k2s())));
    }

    @Test
    void reproducesTheCGeneratorBitForBitAt8kHz() {
        assertEquals("b5861633ebbb60475018be7431e4373c3829e4bc064df22ec5efdcc965fa8e7b",
                Vectors.sha256(Vectors.toS16le(Vectors.speech8k2s())));
    }

    @Test
    void overloadInputMatchesTheDocumentedOne() {
        assertEquals("33d547253ba2be369f0cd1a0bc105a77bf38971914e1cefeeb38d99a56b2bce6",
                Vectors.sha256(Vectors.toS16le(Vectors.overload16k1s())));
    }

    @Test
    void peaksAroundTwentyThousandLikeLoudSpeech() {
        int peak = 0;
        for (short s : Vectors.speech16k2s()) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertTrue(peak > 15000 && peak < 32767, "peak " + peak);
    }

    @Test
    void sineApproximationHitsItsKeyPoints() {
        assertEquals(0, SpeechLikeSignal.sineQ15(0));
        assertEquals(32767, SpeechLikeSignal.sineQ15(1 << 30), 1);
        assertEquals(-32767, SpeechLikeSignal.sineQ15(3 << 30), 1);
    }
}
