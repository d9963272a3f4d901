package io.voxplane.media.rtp;

import io.voxplane.media.NanoClock;

/**
 * Receive-side statistics of the one remote source of a media stream: sequence validation and
 * loss (RFC 3550 A.1/A.3), interarrival jitter (A.8), the last SR for LSR/DLSR (s6.4.1), and SSRC
 * change detection. A new SSRC (the peer restarted, or a B2BUA switched streams) starts the
 * counters over and is counted in {@link #ssrcChanges()}; reports describe the current source.
 *
 * <p>Times come from the injected {@link NanoClock}. Not thread-safe: owned by the stream's
 * receive path.
 */
public final class RtpSourceStatistics {

    private final NanoClock clock;
    private final int clockRate;
    private SequenceTracker sequence = new SequenceTracker();
    private final InterarrivalJitter jitter;
    private long ssrc = -1;
    private long ssrcChanges;
    private long lastSenderReportCompact;
    private long lastSenderReportArrivalNanos;
    private long packets;
    private long dropped;

    public RtpSourceStatistics(NanoClock clock, int clockRate) {
        this.clock = clock;
        this.clockRate = clockRate;
        this.jitter = new InterarrivalJitter(clockRate);
    }

    /**
     * Accounts one valid RTP packet arriving now.
     *
     * @return what its sequence number meant; only {@code IN_ORDER}, {@code LATE_OR_DUPLICATE}
     *     and {@code RESTARTED} packets should be played out
     */
    public SequenceTracker.Result onPacket(RtpPacket p) {
        long now = clock.nanoTime();
        if (p.ssrc() != ssrc) {
            if (ssrc != -1) {
                ssrcChanges++;
            }
            ssrc = p.ssrc();
            sequence = new SequenceTracker();
            jitter.reset();
            lastSenderReportCompact = 0;
        }
        packets++;
        SequenceTracker.Result r = sequence.update(p.sequenceNumber());
        if (r == SequenceTracker.Result.PROBATION || r == SequenceTracker.Result.JUMP_REJECTED) {
            dropped++;
        } else {
            jitter.update(now, p.timestamp());
        }
        return r;
    }

    /** Records an SR from this source for the LSR/DLSR of our next report. */
    public void onSenderReport(SenderReport sr) {
        if (sr.ssrc() == ssrc) {
            lastSenderReportCompact = NtpTime.compact(sr.ntpTimestamp());
            lastSenderReportArrivalNanos = clock.nanoTime();
        }
    }

    /** A report block for our next SR/RR; starts the next fraction-lost interval. */
    public ReportBlock reportBlock() {
        long dlsr = lastSenderReportCompact == 0 ? 0
                : NtpTime.compactDuration(clock.nanoTime() - lastSenderReportArrivalNanos);
        return new ReportBlock(ssrc & 0xFFFFFFFFL, sequence.fractionLostAndReset(), sequence.cumulativeLost(),
                sequence.extendedMax() & 0xFFFFFFFFL, jitter.jitter(), lastSenderReportCompact, dlsr);
    }

    /** The current source's SSRC, -1 before the first packet. */
    public long ssrc() {
        return ssrc;
    }

    public long ssrcChanges() {
        return ssrcChanges;
    }

    /** All packets seen, of every source. */
    public long packets() {
        return packets;
    }

    /** Packets dropped by probation or an unconfirmed sequence jump. */
    public long dropped() {
        return dropped;
    }

    public int cumulativeLost() {
        return sequence.cumulativeLost();
    }

    public double jitterMillis() {
        return jitter.jitterMillis();
    }

    public int clockRate() {
        return clockRate;
    }

    public SequenceTracker sequence() {
        return sequence;
    }
}
