package io.voxplane.media.rtp;

import java.util.List;

/** RR: receiver report (RFC 3550 s6.4.2) from {@code ssrc} with up to 31 report blocks. */
public record ReceiverReport(long ssrc, List<ReportBlock> reports) implements RtcpPacket {

    public ReceiverReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks: " + reports.size());
        }
    }

    @Override
    public int packetType() {
        return TYPE_RR;
    }
}
