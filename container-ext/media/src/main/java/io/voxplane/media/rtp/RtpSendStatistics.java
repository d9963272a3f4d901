package io.voxplane.media.rtp;

import io.voxplane.media.NanoClock;

/**
 * Send-side counters of one RTP stream for its sender reports (RFC 3550 s6.4.1): packets and
 * payload octets sent, and the RTP timestamp of the last packet with its send time, so an SR can
 * state which RTP timestamp corresponds to its NTP time. Not thread-safe; owned by the send path.
 */
public final class RtpSendStatistics {

    private final NanoClock clock;
    private final int clockRate;
    private long packets;
    private long octets;
    private long lastTimestamp;
    private long lastSentNanos;
    private long packetsAtLastReport = -1;

    public RtpSendStatistics(NanoClock clock, int clockRate) {
        this.clock = clock;
        this.clockRate = clockRate;
    }

    /** Accounts a packet sent now. */
    public void onSent(long rtpTimestamp, int payloadLength) {
        packets++;
        octets += payloadLength;
        lastTimestamp = rtpTimestamp & 0xFFFFFFFFL;
        lastSentNanos = clock.nanoTime();
    }

    /** Packets sent (the SR's 32-bit counter wraps; this does not). */
    public long packets() {
        return packets;
    }

    /** Payload octets sent. */
    public long octets() {
        return octets;
    }

    /** The RTP timestamp that corresponds to now, extrapolated from the last packet sent. */
    public long rtpTimestampNow() {
        long elapsed = clock.nanoTime() - lastSentNanos;
        return (lastTimestamp + elapsed * clockRate / 1_000_000_000L) & 0xFFFFFFFFL;
    }

    /** True if packets were sent since the previous call (s6.4: send an SR rather than an RR); marks the report. */
    public boolean sentSinceLastReportAndMark() {
        boolean sent = packets > Math.max(0, packetsAtLastReport);
        packetsAtLastReport = packets;
        return sent;
    }

    /** The sender info of an SR taken at NTP time {@code ntpNow}, with our report blocks. */
    public SenderReport senderReport(long ssrc, long ntpNow, java.util.List<ReportBlock> blocks) {
        return new SenderReport(ssrc, ntpNow, rtpTimestampNow(), packets & 0xFFFFFFFFL, octets & 0xFFFFFFFFL, blocks);
    }
}
