package io.voxplane.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When and what to send on RTCP (RFC 3550 s6.2, s6.3 and Appendix A.7): the randomised report
 * interval, and the compound packet of one report (SR if we sent media since the last report,
 * else RR; then SDES with our CNAME, s6.1).
 */
public final class RtcpScheduler {

    /** Minimum report interval of s6.2 (config {@code voxplane.media.rtcp.min-interval}). */
    public static final double DEFAULT_MIN_INTERVAL_SECONDS = 5.0;
    /** Share of the session bandwidth for RTCP (s6.2: 5%). */
    public static final double RTCP_BANDWIDTH_FRACTION = 0.05;
    private static final double SENDER_FRACTION = 0.25;
    private static final double COMPENSATION = Math.E - 1.5;

    private RtcpScheduler() {
    }

    /**
     * The next report interval in seconds per A.7 ({@code rtcp_interval}).
     *
     * @param members session members including us
     * @param senders members that sent media recently
     * @param sessionBandwidthBytesPerSecond the session bandwidth (for example 64 kbit/s G.711 plus
     *     headers is about 10,000 bytes/s); RTCP gets 5% of it
     * @param weSent whether we sent media recently
     * @param averageRtcpSize average compound packet size in bytes, including UDP/IP headers
     * @param initial true before our first report (half the minimum)
     * @param random the source of the [0.5, 1.5] randomisation
     */
    public static double intervalSeconds(int members, int senders, double sessionBandwidthBytesPerSecond,
            boolean weSent, double averageRtcpSize, boolean initial, RandomGenerator random) {
        double minTime = initial ? DEFAULT_MIN_INTERVAL_SECONDS / 2 : DEFAULT_MIN_INTERVAL_SECONDS;
        double bw = sessionBandwidthBytesPerSecond * RTCP_BANDWIDTH_FRACTION;
        int n = members;
        if (senders <= members * SENDER_FRACTION) {
            if (weSent) {
                bw *= SENDER_FRACTION;
                n = senders;
            } else {
                bw *= 1 - SENDER_FRACTION;
                n -= senders;
            }
        }
        double t = bw > 0 ? averageRtcpSize * n / bw : minTime;
        t = Math.max(t, minTime);
        t *= random.nextDouble() + 0.5;
        return t / COMPENSATION;
    }

    /**
     * The compound packet for one report: SR (if we sent since the last report) or RR, with the
     * receiver's report block if it has seen a source, then SDES CNAME.
     */
    public static List<RtcpPacket> compound(long ssrc, String cname, long ntpNow, RtpSendStatistics sending,
            RtpSourceStatistics receiving) {
        List<ReportBlock> blocks = new ArrayList<>(1);
        if (receiving != null && receiving.ssrc() != -1) {
            blocks.add(receiving.reportBlock());
        }
        RtcpPacket report = sending != null && sending.sentSinceLastReportAndMark()
                ? sending.senderReport(ssrc, ntpNow, blocks)
                : new ReceiverReport(ssrc, blocks);
        return List.of(report, SourceDescription.cname(ssrc, cname));
    }
}
