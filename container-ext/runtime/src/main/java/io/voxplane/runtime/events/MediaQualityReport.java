package io.voxplane.runtime.events;

import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.time.Duration;
import java.util.Objects;

/**
 * A call's media statistics, every quality report interval and once at close ({@code last}):
 * for operators and CDRs. Batchable: it may leave the node in batches.
 *
 * @param mos             G.107 E-model estimate of the received stream (1 to 4.5)
 * @param lossPercent     received packets lost or too late to play
 * @param jitterMillis    RFC 3550 A.8 interarrival jitter
 * @param roundTripMillis from RTCP, -1 while unknown
 */
public record MediaQualityReport(String callId, double mos, double lossPercent, double jitterMillis,
                                 double roundTripMillis, long packetsReceived, long packetsSent, long digits,
                                 boolean last) implements BusEvent {

    /** Up to 100 reports or 1 s per batch: reports come every few seconds per call. */
    private static final Affinity BATCHED = new Affinity.Batchable(100, Duration.ofSeconds(1));

    public MediaQualityReport {
        Objects.requireNonNull(callId, "callId");
    }

    @Override
    public Affinity affinity() {
        return BATCHED;
    }
}
