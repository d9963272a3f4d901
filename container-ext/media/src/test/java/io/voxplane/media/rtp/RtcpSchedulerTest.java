package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.VirtualClock;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RtcpSchedulerTest {

    @Test
    void twoPartyIntervalIsTheFiveSecondMinimumRandomised() {
        Random r = new Random(1);
        for (int i = 0; i < 1000; i++) {
            double t = RtcpScheduler.intervalSeconds(2, 2, 10_000, true, 100, false, r);
            assertTrue(t >= 2.5 / (Math.E - 1.5) && t <= 7.5 / (Math.E - 1.5), "interval " + t);
        }
        double initial = RtcpScheduler.intervalSeconds(2, 2, 10_000, true, 100, true, new Random(2));
        assertTrue(initial <= 3.75 / (Math.E - 1.5));
    }

    @Test
    void aLargeConferenceSpacesReportsToStayWithinFivePercent() {
        // 1000 receivers, 1 sender, 10 kB/s: receivers share 75% of 500 B/s -> 999 x 100 B / 375 B/s ~ 266 s
        double t = RtcpScheduler.intervalSeconds(1000, 1, 10_000, false, 100, false, () -> Long.MIN_VALUE); // nextDouble() = 0.5
        assertEquals(266.4 / (Math.E - 1.5), t, 0.1);
    }

    @Test
    void aSenderReportsWithSrAndASilentParticipantWithRr() throws Exception {
        VirtualClock clock = new VirtualClock();
        RtpSendStatistics send = new RtpSendStatistics(clock, 8000);
        RtpSourceStatistics recv = new RtpSourceStatistics(clock, 8000);
        send.onSent(1000, 160);
        send.onSent(1160, 160);
        clock.advanceMillis(10);
        List<RtcpPacket> first = RtcpScheduler.compound(42, "me@host", NtpTime.fromUnixMillis(0), send, recv);
        SenderReport sr = assertInstanceOf(SenderReport.class, first.get(0));
        assertEquals(2, sr.packetCount());
        assertEquals(320, sr.octetCount());
        assertEquals(1160 + 80, sr.rtpTimestamp()); // 10 ms after the last packet at 8 kHz
        assertInstanceOf(SourceDescription.class, first.get(1));
        byte[] wire = RtcpCodec.write(first);
        assertEquals(first, RtcpCodec.parse(wire, 0, wire.length));
        List<RtcpPacket> second = RtcpScheduler.compound(42, "me@host", NtpTime.fromUnixMillis(5000), send, recv);
        assertInstanceOf(ReceiverReport.class, second.get(0));
    }
}
