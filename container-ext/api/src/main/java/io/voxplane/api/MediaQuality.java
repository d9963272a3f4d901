package io.voxplane.api;

/**
 * A call's media statistics as last reported by the media plane (every
 * {@code voxplane.media.quality-report-interval}, and when the media closes).
 *
 * @param mos             ITU-T G.107 E-model estimate of what the caller sends us (1 to 4.5; 4.4 is a
 *                        clean G.711 call)
 * @param lossPercent     packets lost or too late to play
 * @param jitterMillis    RFC 3550 interarrival jitter
 * @param roundTripMillis from RTCP, -1 while unknown
 * @param packetsReceived RTP packets received from the caller
 * @param packetsSent     RTP packets sent to the caller
 * @param digits          DTMF key presses received
 */
public record MediaQuality(double mos, double lossPercent, double jitterMillis, double roundTripMillis,
                           long packetsReceived, long packetsSent, long digits) {
}
