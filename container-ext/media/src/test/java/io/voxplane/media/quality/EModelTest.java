package io.voxplane.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.G722Codec;
import org.junit.jupiter.api.Test;

class EModelTest {

    @Test
    void aCleanG711CallRates93Point2AndMos4Point41() {
        double r = EModel.rFactor(0, 0, CodecImpairment.G711_WITH_PLC);
        assertEquals(93.2, r, 0.1);
        assertEquals(4.41, EModel.mos(r), 0.01);
    }

    @Test
    void lowDelayBarelyMatters() {
        double r = EModel.rFactor(40, 0, CodecImpairment.G711_WITH_PLC);
        assertTrue(r > 91.5 && r <= 93.3, "R " + r);
    }

    @Test
    void onePercentLossWithPlcCostsAboutThreeAndAHalfR() {
        double clean = EModel.rFactor(0, 0, CodecImpairment.G711_WITH_PLC);
        double lossy = EModel.rFactor(0, 1, CodecImpairment.G711_WITH_PLC);
        assertEquals(95.0 / 26.1, clean - lossy, 1e-9);
    }

    @Test
    void ratingFallsMonotonicallyWithLoss() {
        double previous = Double.MAX_VALUE;
        for (double loss = 0; loss <= 30; loss += 0.5) {
            double r = EModel.rFactor(50, loss, CodecImpairment.G711_WITH_PLC);
            assertTrue(r < previous, "loss " + loss);
            previous = r;
        }
    }

    @Test
    void ratingFallsMonotonicallyWithDelay() {
        double previous = Double.MAX_VALUE;
        for (int delay = 0; delay <= 600; delay += 10) {
            double r = EModel.rFactor(delay, 1, CodecImpairment.G711_WITH_PLC);
            assertTrue(r <= previous + 1e-9, "delay " + delay);
            previous = r;
        }
        assertTrue(EModel.rFactor(400, 0, CodecImpairment.G711_WITH_PLC) < 70, "400 ms one way is poor");
    }

    @Test
    void burstyLossHurtsMoreThanRandomLoss() {
        assertTrue(EModel.rFactor(50, 5, 2, CodecImpairment.G711_WITH_PLC, 0)
                < EModel.rFactor(50, 5, 1, CodecImpairment.G711_WITH_PLC, 0));
    }

    @Test
    void concealmentMakesLossCheaper() {
        assertTrue(EModel.rFactor(50, 2, CodecImpairment.G711_NO_PLC) < EModel.rFactor(50, 2, CodecImpairment.G711_WITH_PLC));
    }

    @Test
    void mosFollowsAnnexBAtItsBounds() {
        assertEquals(1, EModel.mos(-5));
        assertEquals(4.5, EModel.mos(120));
        assertEquals(1 + 0.035 * 50 + 50 * -10 * 50 * 7e-6, EModel.mos(50), 1e-12);
        double previous = 0;
        for (int r = 0; r <= 100; r++) {
            assertTrue(EModel.mos(r) >= previous);
            previous = EModel.mos(r);
        }
    }

    @Test
    void codecsMapToTheirG113Values() {
        assertEquals(CodecImpairment.G711_WITH_PLC, CodecImpairment.of(G711Codec.PCMA));
        assertEquals(CodecImpairment.G722_NARROWBAND_APPROXIMATION, CodecImpairment.of(G722Codec.INSTANCE));
    }

    @Test
    void nonsenseInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EModel.rFactor(-1, 0, CodecImpairment.G711_WITH_PLC));
        assertThrows(IllegalArgumentException.class, () -> EModel.rFactor(0, 101, CodecImpairment.G711_WITH_PLC));
    }
}
