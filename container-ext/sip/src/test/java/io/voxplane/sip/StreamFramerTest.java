package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamFramerTest {

    /** Several messages back to back, with bodies (one binary) and CRLF keep-alives between them. */
    private static final byte[][] MESSAGES = {
        Fixtures.invite(),
        Fixtures.ok200(),
        Fixtures.rfc4475("mpart01"),
        Fixtures.rfc4475("wsinv"),
        Fixtures.rfc4475("unreason"),
    };

    private static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] m : MESSAGES) {
            out.writeBytes(m);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static List<byte[]> drain(StreamFramer f) throws SipParseException {
        List<byte[]> out = new ArrayList<>();
        for (byte[] m = f.next(); m != null; m = f.next()) {
            out.add(m);
        }
        return out;
    }

    @Test
    void wholeStreamAtOnceYieldsEachMessageExactly() throws Exception {
        StreamFramer f = new StreamFramer(SipLimits.defaults());
        byte[] s = stream();
        f.append(s, 0, s.length);
        List<byte[]> out = drain(f);
        assertEquals(MESSAGES.length, out.size());
        for (int i = 0; i < MESSAGES.length; i++) {
            assertArrayEquals(MESSAGES[i], out.get(i));
        }
        assertEquals(2 + MESSAGES.length, f.keepAlivesSkipped());
        assertEquals(0, f.buffered());
        f.endOfInput();
    }

    @Test
    void splittingAtEveryByteBoundaryGivesIdenticalMessages() throws Exception {
        byte[] s = stream();
        for (int cut = 0; cut <= s.length; cut++) {
            StreamFramer f = new StreamFramer(SipLimits.defaults());
            List<byte[]> out = new ArrayList<>();
            f.append(s, 0, cut);
            out.addAll(drain(f));
            f.append(s, cut, s.length - cut);
            out.addAll(drain(f));
            assertEquals(MESSAGES.length, out.size(), "cut at " + cut);
            for (int i = 0; i < MESSAGES.length; i++) {
                assertArrayEquals(MESSAGES[i], out.get(i), "cut at " + cut + ", message " + i);
            }
            assertEquals(2 + MESSAGES.length, f.keepAlivesSkipped(), "cut at " + cut);
        }
    }

    @Test
    void byteByByteFeedingGivesIdenticalMessagesAndTheyParse() throws Exception {
        byte[] s = stream();
        StreamFramer f = new StreamFramer(SipLimits.defaults());
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
            f.append(s, i, 1);
            out.addAll(drain(f));
        }
        assertEquals(MESSAGES.length, out.size());
        for (int i = 0; i < MESSAGES.length; i++) {
            assertArrayEquals(MESSAGES[i], out.get(i));
            SipMessage a = SipParser.withDefaults().parse(out.get(i));
            SipMessage b = SipParser.withDefaults().parse(MESSAGES[i]);
            assertEquals(b.headers(), a.headers());
            assertArrayEquals(b.body(), a.body());
        }
    }

    @Test
    void missingContentLengthOnStreamLosesFraming() {
        StreamFramer f = new StreamFramer(SipLimits.defaults());
        byte[] m = Fixtures.rfc4475("inv2543");
        f.append(m, 0, m.length);
        SipParseException e = assertThrows(SipParseException.class, f::next);
        assertTrue(e.framingLost());
        assertEquals(SipErrorCode.MISSING_CONTENT_LENGTH, e.error());
        SipParseException again = assertThrows(SipParseException.class, f::next);
        assertEquals(e, again);
    }

    @Test
    void compactContentLengthFrames() throws Exception {
        StreamFramer f = new StreamFramer(SipLimits.defaults());
        byte[] m = Fixtures.rfc4475("dblreq");
        f.append(m, 0, m.length);
        byte[] first = f.next();
        SipRequest r = (SipRequest) SipParser.withDefaults().parse(first);
        assertEquals("REGISTER", r.method());
        // on a stream the trailing INVITE really is the next message
        SipRequest second = (SipRequest) SipParser.withDefaults().parse(f.next());
        assertEquals("INVITE", second.method());
        // its Content-Length (150) is 5 short of the body, leaving "C\r\n\r\n": not a message
        assertTrue(assertThrows(SipParseException.class, f::next).framingLost());
    }

    @Test
    void messageAboveSizeLimitLosesFraming() {
        SipLimits small = SipLimits.defaults().withMaxMessageSize(512);
        StreamFramer f = new StreamFramer(small);
        byte[] m = Fixtures.invite();
        f.append(m, 0, m.length);
        SipParseException e = assertThrows(SipParseException.class, f::next);
        assertEquals(SipErrorCode.MESSAGE_TOO_LARGE, e.error());
        assertEquals(413, e.statusCode());
        assertTrue(e.framingLost());
    }

    @Test
    void endlessHeaderSectionIsCutAtSizeLimit() {
        StreamFramer f = new StreamFramer(SipLimits.defaults().withMaxMessageSize(1024));
        byte[] line = "X-Junk: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] start = "OPTIONS sip:a@b SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII);
        f.append(start, 0, start.length);
        SipParseException e = assertThrows(SipParseException.class, () -> {
            for (int i = 0; i < 100; i++) {
                f.append(line, 0, line.length);
                assertNull(f.next());
            }
        });
        assertTrue(e.framingLost());
        assertEquals(SipErrorCode.MESSAGE_TOO_LARGE, e.error());
    }

    @Test
    void contentLengthWithFoldedValueAndOddSpacingFrames() throws Exception {
        byte[] m = Fixtures.crlf("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/TCP h.example.com;branch=z9hG4bK1
                From: <sip:b@example.com>;tag=1
                To: <sip:a@example.com>
                Call-ID: x1
                CSeq: 1 OPTIONS
                content-LENGTH   :
                  4

                abcd""");
        StreamFramer f = new StreamFramer(SipLimits.defaults());
        f.append(m, 0, m.length);
        assertArrayEquals(m, f.next());
    }
}
