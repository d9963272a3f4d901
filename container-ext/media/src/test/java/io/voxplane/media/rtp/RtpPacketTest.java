package io.voxplane.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    /** A PCMU packet with one CSRC, a one-word extension and 4 bytes of padding, field by field. */
    private static final byte[] FULL = HexFormat.of().parseHex(
            "b1" // V=2 P=1 X=1 CC=1
            + "80" // M=1 PT=0
            + "1234" // sequence number 4660
            + "deadbeef" // timestamp
            + "cafebabe" // SSRC
            + "01020304" // CSRC[0]
            + "bede" + "0001" // extension profile 0xBEDE, 1 word
            + "10aa0000" // extension data
            + "fffefd" // payload (3 bytes)
            + "00000004"); // padding, last byte = 4

    @Test
    void readsEveryHeaderField() {
        RtpPacket p = new RtpPacket();
        assertNull(p.wrap(FULL, 0, FULL.length));
        assertEquals(2, p.version());
        assertTrue(p.hasPadding());
        assertTrue(p.hasExtension());
        assertEquals(1, p.csrcCount());
        assertTrue(p.marker());
        assertEquals(0, p.payloadType());
        assertEquals(0x1234, p.sequenceNumber());
        assertEquals(0xdeadbeefL, p.timestamp());
        assertEquals(0xcafebabeL, p.ssrc());
        assertEquals(0x01020304L, p.csrc(0));
        assertEquals(0xBEDE, p.extensionProfile());
        assertEquals(4, p.extensionDataLength());
        assertEquals(20, p.extensionDataOffset());
        assertEquals(24, p.payloadOffset());
        assertArrayEquals(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd}, p.payloadCopy());
        assertEquals(4, p.paddingLength());
    }

    @Test
    void worksAtAnOffsetInsideALargerBuffer() {
        byte[] big = new byte[FULL.length + 20];
        System.arraycopy(FULL, 0, big, 7, FULL.length);
        RtpPacket p = new RtpPacket();
        assertNull(p.wrap(big, 7, FULL.length));
        assertEquals(0xcafebabeL, p.ssrc());
        assertEquals(3, p.payloadLength());
    }

    @Test
    void rejectsEachKindOfMalformedPacketWithItsCode() {
        RtpPacket p = new RtpPacket();
        assertEquals(RtpError.TOO_SHORT, p.wrap(FULL, 0, 11));
        byte[] v1 = FULL.clone();
        v1[0] = (byte) 0x71;
        assertEquals(RtpError.BAD_VERSION, p.wrap(v1, 0, v1.length));
        byte[] manyCsrc = FULL.clone();
        manyCsrc[0] = (byte) 0x8f; // CC=15 needs 72 bytes
        assertEquals(RtpError.CSRC_OVERFLOW, p.wrap(manyCsrc, 0, manyCsrc.length));
        byte[] longExt = FULL.clone();
        longExt[0] = (byte) 0x91; // no padding
        longExt[18] = 0x00;
        longExt[19] = 0x09; // 9 words of extension
        assertEquals(RtpError.EXTENSION_OVERFLOW, p.wrap(longExt, 0, longExt.length));
        byte[] zeroPad = FULL.clone();
        zeroPad[zeroPad.length - 1] = 0;
        assertEquals(RtpError.BAD_PADDING, p.wrap(zeroPad, 0, zeroPad.length));
        byte[] hugePad = FULL.clone();
        hugePad[hugePad.length - 1] = (byte) 200;
        assertEquals(RtpError.BAD_PADDING, p.wrap(hugePad, 0, hugePad.length));
        RtpFormatException e = assertThrows(RtpFormatException.class, () -> RtpPacket.parse(FULL, 0, 5));
        assertEquals(RtpError.TOO_SHORT, e.error());
        assertTrue(e.getMessage().startsWith("RTP-001"));
    }

    @Test
    void writerOutputParsesBackToTheSameFields() {
        RtpPacketWriter w = new RtpPacketWriter().payloadType(9).marker(true).sequenceNumber(65535)
                .timestamp(0xFFFFFFF0L).ssrc(0x89abcdefL).csrcs(7, 8).extension(0x1000, new byte[] {1, 2, 3, 4})
                .padToMultipleOf(16);
        byte[] payload = {10, 20, 30, 40, 50};
        byte[] out = new byte[100];
        int n = w.write(payload, 0, payload.length, out, 3);
        assertEquals(0, n % 16);
        RtpPacket p = new RtpPacket();
        assertNull(p.wrap(out, 3, n));
        assertEquals(9, p.payloadType());
        assertTrue(p.marker());
        assertEquals(65535, p.sequenceNumber());
        assertEquals(0xFFFFFFF0L, p.timestamp());
        assertEquals(0x89abcdefL, p.ssrc());
        assertEquals(2, p.csrcCount());
        assertEquals(8, p.csrc(1));
        assertEquals(0x1000, p.extensionProfile());
        assertArrayEquals(payload, p.payloadCopy());
    }

    @Test
    void settersRewriteTheHeaderInPlace() {
        byte[] copy = FULL.clone();
        RtpPacket p = new RtpPacket();
        assertNull(p.wrap(copy, 0, copy.length));
        p.setSequenceNumber(7);
        p.setTimestamp(0x80000001L);
        p.setSsrc(42);
        p.setMarker(false);
        p.setPayloadType(8);
        assertNull(p.wrap(copy, 0, copy.length));
        assertEquals(7, p.sequenceNumber());
        assertEquals(0x80000001L, p.timestamp());
        assertEquals(42, p.ssrc());
        assertFalse(p.marker());
        assertEquals(8, p.payloadType());
        assertEquals(0x01020304L, p.csrc(0));
    }

    @Test
    void tellsRtpFromRtcpOnAMultiplexedPort() {
        assertTrue(RtpPacket.looksLikeRtp(FULL, 0, FULL.length));
        byte[] rr = HexFormat.of().parseHex("80c9000100000001");
        assertFalse(RtpPacket.looksLikeRtp(rr, 0, rr.length));
    }
}
