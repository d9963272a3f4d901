package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.voxplane.media.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpSourceStatisticsTest {

    private final VirtualClock clock = new VirtualClock();
    private final RtpSourceStatistics stats = new RtpSourceStatistics(clock, 8000);
    private final RtpPacketWriter writer = new RtpPacketWriter().payloadType(0);
    private final byte[] buf = new byte[200];
    private final RtpPacket packet = new RtpPacket();

    private SequenceTracker.Result receive(long ssrc, int seq, long ts) {
        int n = writer.ssrc(ssrc).sequenceNumber(seq).timestamp(ts).write(new byte[160], 0, 160, buf, 0);
        assertNull(packet.wrap(buf, 0, n));
        return stats.onPacket(packet);
    }

    @Test
    void reportBlockCarriesLossJitterAndDlsr() {
        for (int i = 0; i < 50; i++) {
            if (i != 10) {
                receive(5, i, 160L * i);
            }
            clock.advanceMillis(20);
        }
        stats.onSenderReport(new SenderReport(5, 0x0000_1234_5678_0000L, 0, 0, 0, List.of()));
        clock.advanceMillis(250);
        ReportBlock b = stats.reportBlock();
        assertEquals(5, b.ssrc());
        assertEquals(1, b.cumulativeLost());
        assertEquals(49, b.extendedHighestSequence());
        assertEquals(0, b.jitter());
        assertEquals(0x12345678L, b.lastSenderReport());
        assertEquals(0x4000, b.delaySinceLastSenderReport()); // 0.25 s
    }

    @Test
    void anSsrcChangeStartsANewSource() {
        receive(5, 100, 0);
        receive(5, 101, 160);
        assertEquals(SequenceTracker.Result.PROBATION, receive(6, 9000, 777));
        assertEquals(SequenceTracker.Result.IN_ORDER, receive(6, 9001, 937));
        assertEquals(1, stats.ssrcChanges());
        assertEquals(6, stats.ssrc());
        assertEquals(0, stats.cumulativeLost());
    }
}
