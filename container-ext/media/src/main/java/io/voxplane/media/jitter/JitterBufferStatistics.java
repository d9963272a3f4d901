package io.voxplane.media.jitter;

/**
 * A snapshot of a {@link JitterBuffer}'s counters, after WebRTC NetEq's network statistics.
 *
 * @param currentDelayMillis audio buffered ahead of the playout point
 * @param targetDelayMillis the delay the buffer adapts towards (95th percentile of measured jitter)
 * @param packetsReceived all packets offered, including late and duplicate ones
 * @param framesPlayed playout ticks served after buffering began
 * @param framesExpanded ticks filled by concealment because the frame was missing
 * @param framesAccelerated frames dropped to shrink the delay towards the target
 * @param latePackets packets that arrived after their playout time
 * @param lostPackets sequence numbers never received (late packets do not count as lost)
 * @param duplicatePackets packets received twice
 * @param reorderedPackets packets older than one already received
 * @param resyncs restarts after a timestamp jump beyond the capacity
 */
public record JitterBufferStatistics(int currentDelayMillis, int targetDelayMillis, long packetsReceived,
        long framesPlayed, long framesExpanded, long framesAccelerated, long latePackets, long lostPackets,
        long duplicatePackets, long reorderedPackets, long resyncs) {

    /** Share of played frames that were concealment, 0..1 (NetEq's expand rate). */
    public double expandRate() {
        return framesPlayed == 0 ? 0 : (double) framesExpanded / framesPlayed;
    }

    /** Lost packets as a share of those expected, 0..1, as the E-model's Ppl wants it. */
    public double lossRate() {
        long expected = packetsReceived - duplicatePackets + lostPackets;
        return expected <= 0 ? 0 : (double) lostPackets / expected;
    }
}
