package io.voxplane.media.session;

import io.voxplane.media.quality.CallQuality;
import java.net.InetSocketAddress;

/**
 * A snapshot of one media session's counters and quality estimate.
 *
 * @param local our RTP address
 * @param target where media is sent now (the signalled address, or the latched source), null
 *     before configuration
 * @param packetsReceived valid RTP packets received
 * @param packetsSent RTP packets sent
 * @param invalidPackets datagrams dropped as not RTP/RTCP (bad header, bad telephone-event,
 *     unreadable RTCP), never thrown
 * @param packetsLost cumulative loss of the current source (RFC 3550 A.3)
 * @param jitterMillis interarrival jitter (RFC 3550 A.8)
 * @param roundTripMillis RTT from RTCP report blocks (s6.4.1), -1 while unknown
 * @param rtcpReceived RTCP compound packets received
 * @param rtcpSent RTCP compound packets sent
 * @param digits DTMF digits received
 * @param quality E-model estimate (G.107) for the received stream, null before configuration
 */
public record MediaStatistics(InetSocketAddress local, InetSocketAddress target, long packetsReceived,
        long packetsSent, long invalidPackets, long packetsLost, double jitterMillis, double roundTripMillis,
        long rtcpReceived, long rtcpSent, long digits, CallQuality quality) {
}
