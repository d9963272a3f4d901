package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpCodecTest {

    /** RR + SDES(CNAME) compound, field by field. */
    private static final byte[] RR_SDES = HexFormat.of().parseHex(
            "81c90007" // V=2 RC=1 PT=201 length=7 (32 bytes)
            + "11111111" // reporter SSRC
            + "22222222" // report block: source SSRC
            + "40" + "fffffe" // fraction lost 64/256, cumulative lost -2
            + "00010064" // extended highest seq: 1 cycle, seq 100
            + "00000010" // jitter 16
            + "aabbccdd" // LSR
            + "00008000" // DLSR 0.5 s
            + "81ca0003" // V=2 SC=1 PT=202 length=3 (16 bytes)
            + "11111111" // chunk SSRC
            + "0104" + "6162" + "6364" // CNAME "abcd"
            + "0000"); // null item + padding to 32 bits

    @Test
    void parsesAReceiverReportWithSdes() throws Exception {
        List<RtcpPacket> packets = RtcpCodec.parse(RR_SDES, 0, RR_SDES.length);
        assertEquals(2, packets.size());
        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, packets.get(0));
        assertEquals(0x11111111L, rr.ssrc());
        ReportBlock b = rr.reports().get(0);
        assertEquals(0x22222222L, b.ssrc());
        assertEquals(64, b.fractionLost());
        assertEquals(-2, b.cumulativeLost());
        assertEquals(65536 + 100, b.extendedHighestSequence());
        assertEquals(16, b.jitter());
        assertEquals(0xaabbccddL, b.lastSenderReport());
        assertEquals(0x8000, b.delaySinceLastSenderReport());
        SourceDescription sdes = assertInstanceOf(SourceDescription.class, packets.get(1));
        assertEquals(new SourceDescription.Item(SourceDescription.CNAME, "abcd"), sdes.chunks().get(0).items().get(0));
    }

    @Test
    void writesWhatItParses() throws Exception {
        List<RtcpPacket> packets = RtcpCodec.parse(RR_SDES, 0, RR_SDES.length);
        assertArrayEquals(RR_SDES, RtcpCodec.write(packets));
    }

    @Test
    void senderReportSdesAndByeRoundTrip() throws Exception {
        SenderReport sr = new SenderReport(0xdeadbeefL, NtpTime.fromUnixMillis(1_700_000_000_123L), 123456, 50, 8000,
                List.of(new ReportBlock(7, 3, 100, 70000, 44, 0x12345678L, 655)));
        List<RtcpPacket> in = List.of(sr, SourceDescription.cname(0xdeadbeefL, "voxplane@example.org"),
                new Goodbye(List.of(0xdeadbeefL), "call ended"));
        byte[] wire = RtcpCodec.write(in);
        assertEquals(0, wire.length % 4);
        assertEquals(in, RtcpCodec.parse(wire, 0, wire.length));
    }

    @Test
    void compoundMustStartWithAReport() {
        byte[] bye = RtcpCodec.write(List.of(new Goodbye(List.of(1L), "")));
        RtpFormatException e = assertThrows(RtpFormatException.class, () -> RtcpCodec.parse(bye, 0, bye.length));
        assertEquals(RtpError.RTCP_BAD_FIRST_PACKET, e.error());
    }

    @Test
    void truncatedAndMiscountedPacketsAreTypedErrors() {
        assertEquals(RtpError.RTCP_TRUNCATED,
                assertThrows(RtpFormatException.class, () -> RtcpCodec.parse(RR_SDES, 0, 30)).error());
        byte[] badCount = RR_SDES.clone();
        badCount[0] = (byte) 0x82; // two report blocks claimed, room for one
        assertEquals(RtpError.RTCP_BAD_COUNT,
                assertThrows(RtpFormatException.class, () -> RtcpCodec.parse(badCount, 0, badCount.length)).error());
        byte[] unterminated = RR_SDES.clone();
        unterminated[unterminated.length - 2] = 0x02; // an empty NAME item where the null item was
        assertEquals(RtpError.RTCP_BAD_SDES,
                assertThrows(RtpFormatException.class, () -> RtcpCodec.parse(unterminated, 0, unterminated.length))
                        .error());
        byte[] v1 = RR_SDES.clone();
        v1[32] = 0x41;
        assertEquals(RtpError.BAD_VERSION,
                assertThrows(RtpFormatException.class, () -> RtcpCodec.parse(v1, 0, v1.length)).error());
    }

    @Test
    void unknownPacketTypesArePreserved() throws Exception {
        byte[] app = RtcpCodec.write(List.of(new ReceiverReport(1, List.of()),
                new UnknownRtcpPacket(RtcpPacket.TYPE_APP, 1, HexFormat.of().parseHex("0000000161626364"))));
        List<RtcpPacket> back = RtcpCodec.parse(app, 0, app.length);
        UnknownRtcpPacket u = assertInstanceOf(UnknownRtcpPacket.class, back.get(1));
        assertEquals(RtcpPacket.TYPE_APP, u.packetType());
        assertArrayEquals(HexFormat.of().parseHex("0000000161626364"), u.body());
    }

    @Test
    void roundTripTimeFollowsSection641Example() {
        // s6.4.1 example: A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s), DLSR = 0x0005:4000 (5.250 s)
        long rtt = NtpTime.roundTripNanos(0xb7108000L, 0xb7052000L, 0x00054000L);
        assertEquals(6_125_000_000L, rtt);
        assertEquals(-1, NtpTime.roundTripNanos(0xb7108000L, 0, 0));
    }

    @Test
    void compactNtpIsTheMiddle32Bits() {
        long ntp = NtpTime.fromUnixMillis(1_000);
        assertEquals(((NtpTime.UNIX_EPOCH_OFFSET_SECONDS + 1) << 16) & 0xFFFFFFFFL, NtpTime.compact(ntp));
        assertEquals(0x8000, NtpTime.compactDuration(500_000_000L));
    }
}
