package io.voxplane.media.quality;

import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.jitter.JitterBufferStatistics;

/**
 * A live quality estimate of one received stream: the E-model ({@link EModel}) fed from what the
 * media plane measures.
 *
 * <p>Mouth-to-ear delay is estimated as half the RTCP round-trip time (network, s6.4.1) plus the
 * jitter buffer's current delay, one frame of packetisation and the codec's algorithmic delay
 * ({@link #CODEC_DELAY_MILLIS}); sender-side capture and playout devices are not known and not
 * counted. Loss is what the jitter buffer lost or received too late to play: both are gaps in
 * the audio.
 *
 * @param rFactor the R factor
 * @param mos estimated MOS (G.107 Annex B)
 * @param oneWayDelayMillis the delay used
 * @param lossPercent the loss used
 */
public record CallQuality(double rFactor, double mos, double oneWayDelayMillis, double lossPercent) {

    /** Algorithmic delay of G.711 and G.722 (G.722's QMF pair delays by 23 samples at 16 kHz: about 1.5 ms). */
    public static final double CODEC_DELAY_MILLIS = 1.5;

    /**
     * Estimates quality from stream statistics.
     *
     * @param roundTripNanos RTCP round-trip time, or a negative value when not yet known (taken as 0)
     */
    public static CallQuality estimate(AudioCodec codec, int frameMillis, long roundTripNanos,
            JitterBufferStatistics jitterBuffer) {
        double network = roundTripNanos > 0 ? roundTripNanos / 2e6 : 0;
        double delay = network + jitterBuffer.currentDelayMillis() + frameMillis + CODEC_DELAY_MILLIS;
        long gaps = jitterBuffer.lostPackets() + jitterBuffer.latePackets();
        long expected = jitterBuffer.packetsReceived() - jitterBuffer.duplicatePackets() + jitterBuffer.lostPackets();
        double loss = expected <= 0 ? 0 : Math.min(100, 100.0 * gaps / expected);
        double r = EModel.rFactor(delay, loss, CodecImpairment.of(codec));
        return new CallQuality(r, EModel.mos(r), delay, loss);
    }
}
