package io.voxplane.media.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.jitter.JitterBufferStatistics;
import org.junit.jupiter.api.Test;

class CallQualityTest {

    private static JitterBufferStatistics stats(int delayMillis, long received, long lost, long late) {
        return new JitterBufferStatistics(delayMillis, delayMillis, received, received, lost + late, 0, late, lost, 0, 0, 0);
    }

    @Test
    void aCleanLanCallRatesAboutFourPointFour() {
        CallQuality q = CallQuality.estimate(G711Codec.PCMU, 20, 2_000_000, stats(40, 1000, 0, 0));
        assertEquals(1 + 40 + 20 + 1.5, q.oneWayDelayMillis(), 1e-9);
        assertTrue(q.mos() > 4.3, "MOS " + q.mos());
    }

    @Test
    void lateAndLostPacketsBothCountAsLoss() {
        CallQuality q = CallQuality.estimate(G711Codec.PCMU, 20, -1, stats(40, 990, 10, 10));
        assertEquals(2.0, q.lossPercent(), 0.01);
        assertTrue(q.rFactor() < CallQuality.estimate(G711Codec.PCMU, 20, -1, stats(40, 1000, 0, 0)).rFactor());
    }
}
