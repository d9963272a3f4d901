package io.voxplane.media.rtp;

import java.util.List;

/**
 * SR: sender report (RFC 3550 s6.4.1).
 *
 * @param ssrc the sender
 * @param ntpTimestamp 64-bit NTP wallclock time of this report
 * @param rtpTimestamp the same instant in the sender's RTP timestamp units
 * @param packetCount packets sent since the start
 * @param octetCount payload octets sent since the start
 * @param reports reception report blocks (at most 31)
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
        List<ReportBlock> reports) implements RtcpPacket {

    public SenderReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
    }

    @Override
    public int packetType() {
        return TYPE_SR;
    }
}
