package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** s7.3: names, compact forms, folding, comma lists, raw access, LF-only lines, canonical output. */
class HeaderSyntaxTest {

    private static SipRequest parse(String text) throws SipParseException {
        return (SipRequest) SipParser.withDefaults().parse(Fixtures.crlf(text));
    }

    private static final String HEAD = """
            OPTIONS sip:a@example.com SIP/2.0
            v: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
            f: <sip:b@example.com>;tag=1
            t: <sip:a@example.com>
            i: compact@h.example.com
            CSeq: 1 OPTIONS
            """;

    @Test
    void compactAndLongFormsAreTheSameHeader() throws Exception {
        SipRequest r = parse(HEAD + """
                m: <sip:b@h.example.com>
                k: timer
                Supported: 100rel
                c: text/plain
                e: identity
                s: hello
                o: presence
                u: talk, hold
                x: 1800;refresher=uac
                l: 2

                hi""");
        assertEquals("compact@h.example.com", r.callId());
        assertEquals("compact@h.example.com", r.header("Call-ID").orElseThrow());
        assertEquals("compact@h.example.com", r.header("CALL-id").orElseThrow());
        assertEquals(List.of("timer", "100rel"), r.supported());
        assertEquals(List.of("timer", "100rel"), r.headerTokens("k"));
        assertEquals("text/plain", r.contentType().orElseThrow());
        assertEquals("hello", r.header("Subject").orElseThrow());
        assertEquals("presence", r.header("Event").orElseThrow());
        assertEquals(List.of("talk", "hold"), r.headerTokens("Allow-Events"));
        assertEquals("1800;refresher=uac", r.header("Session-Expires").orElseThrow());
        assertEquals("hi", new String(r.body(), StandardCharsets.UTF_8));
        // canonical output: long names, one field per line
        String wire = r.toString();
        assertTrue(wire.contains("\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\r\n"), wire);
        assertTrue(wire.contains("\r\nCall-ID: compact@h.example.com\r\n"), wire);
        assertTrue(wire.contains("\r\nSession-Expires: 1800;refresher=uac\r\n"), wire);
        assertTrue(wire.contains("\r\nContent-Length: 2\r\n\r\nhi"), wire);
        assertEquals("i", r.headers().get(3).name());
    }

    @Test
    void foldedValuesAreUnfoldedToSingleSpaces() throws Exception {
        SipRequest r = parse(HEAD + "Subject: first\n   second\n\tthird\nX-Empty:\nContent-Length: 0\n\n");
        assertEquals("first second third", r.header("subject").orElseThrow());
        assertEquals("", r.header("X-Empty").orElseThrow());
        assertEquals(List.of("first second third"), r.headerValues("Subject"));
    }

    @Test
    void repeatedUnknownHeadersKeepOrderAndValues() throws Exception {
        SipRequest r = parse(HEAD + "X-A: 1\nX-B: 2\nx-a: 3, 4\nContent-Length: 0\n\n");
        assertEquals(List.of("1", "3, 4"), r.headerValues("X-A"));
        assertEquals(List.of("1", "3", "4"), r.headerTokens("x-A"));
        assertEquals("1", r.header("x-a").orElseThrow());
        assertTrue(r.header("X-C").isEmpty());
    }

    @Test
    void contactStarIsAWildcard() throws Exception {
        SipRequest r = (SipRequest) SipParser.withDefaults().parse(Fixtures.crlf("""
                REGISTER sip:example.com SIP/2.0
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
                From: <sip:b@example.com>;tag=1
                To: <sip:b@example.com>
                Call-ID: star
                CSeq: 2 REGISTER
                Contact: *
                Expires: 0
                Content-Length: 0

                """));
        assertTrue(r.wildcardContact());
        assertTrue(r.contacts().isEmpty());
        assertEquals(0, r.expires().getAsInt());
        SipParseException e = assertThrows(SipParseException.class, () -> parse(HEAD + "Contact: *\nContact: <sip:x@y>\n\n"));
        assertEquals(400, e.statusCode());
    }

    @Test
    void bareLfLineEndingsAreAccepted() throws Exception {
        byte[] lf = (HEAD + "Content-Length: 0\n\n").getBytes(StandardCharsets.US_ASCII);
        SipRequest r = (SipRequest) SipParser.withDefaults().parse(lf);
        assertEquals("compact@h.example.com", r.callId());
    }

    @Test
    void leadingCrlfIsSkippedAndGarbageLinesAre400() throws Exception {
        byte[] m = Fixtures.crlf("\n\n" + HEAD + "Content-Length: 0\n\n");
        assertEquals("OPTIONS", ((SipRequest) SipParser.withDefaults().parse(m)).method());
        SipParseException e = assertThrows(SipParseException.class, () -> parse(HEAD + "this is not a header\n\n"));
        assertEquals(SipErrorCode.BAD_HEADER_LINE, e.error());
        assertEquals(400, e.statusCode());
        assertTrue(e.errorResponse().isPresent());
    }

    @Test
    void scalarHeadersAreChecked() {
        assertEquals(SipErrorCode.BAD_MAX_FORWARDS,
                assertThrows(SipParseException.class, () -> parse(HEAD + "Max-Forwards: 256\n\n")).error());
        assertEquals(SipErrorCode.BAD_CSEQ,
                assertThrows(SipParseException.class, () -> parse(HEAD.replace("CSeq: 1 OPTIONS", "CSeq: OPTIONS") + "\n")).error());
        assertEquals(SipErrorCode.BAD_CONTENT_TYPE,
                assertThrows(SipParseException.class, () -> parse(HEAD + "Content-Type: text\n\n")).error());
        assertEquals(SipErrorCode.BAD_CALL_ID,
                assertThrows(SipParseException.class, () -> parse(HEAD.replace("i: compact@h.example.com", "i: a b") + "\n")).error());
        assertEquals(SipErrorCode.DUPLICATE_HEADER,
                assertThrows(SipParseException.class, () -> parse(HEAD + "Content-Type: a/b\nc: a/b\n\n")).error());
    }

    @Test
    void malformedExpiresFallsBackTo3600() throws Exception {
        assertEquals(3600, parse(HEAD + "Expires: soon\nContent-Length: 0\n\n").expires().getAsInt());
        assertEquals(3600, parse(HEAD + "Expires: 99999999999999\nContent-Length: 0\n\n").expires().getAsInt());
        assertEquals(Integer.MAX_VALUE, parse(HEAD + "Expires: 4294967295\nContent-Length: 0\n\n").expires().getAsInt());
    }

    @Test
    void responsesWithUnknownVersionOrBrokenHeadersAreDiscarded() {
        String resp = """
                SIP/2.0 180 Ringing
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
                From: <sip:b@example.com>;tag=1
                To: <sip:a@example.com>;tag=2
                Call-ID: r1
                CSeq: 1 INVITE
                Content-Length: 0

                """;
        assertEquals(0, assertThrows(SipParseException.class,
                () -> SipParser.withDefaults().parse(Fixtures.crlf(resp.replace("SIP/2.0 180", "SIP/3.0 180")))).statusCode());
        SipParseException e = assertThrows(SipParseException.class,
                () -> SipParser.withDefaults().parse(Fixtures.crlf(resp.replace("Call-ID: r1\n", ""))));
        assertEquals(0, e.statusCode());
        assertTrue(e.errorResponse().isEmpty());
        assertEquals(0, assertThrows(SipParseException.class,
                () -> SipParser.withDefaults().parse(Fixtures.crlf(resp.replace("180 Ringing", "18 Ringing")))).statusCode());
    }

    @Test
    void brokenAckIsNeverAnswered() {
        String ack = HEAD.replace("OPTIONS", "ACK") + "Max-Forwards: x\n\n";
        SipParseException e = assertThrows(SipParseException.class, () -> parse(ack));
        assertEquals(0, e.statusCode());
        assertTrue(e.errorResponse().isEmpty());
        assertTrue(e.isRequest());
    }

    @Test
    void emptyAndBinaryInputIsNotSip() {
        assertEquals(SipErrorCode.NOT_SIP,
                assertThrows(SipParseException.class, () -> SipParser.withDefaults().parse(new byte[0])).error());
        assertEquals(SipErrorCode.NOT_SIP,
                assertThrows(SipParseException.class, () -> SipParser.withDefaults().parse("\r\n\r\n".getBytes(StandardCharsets.US_ASCII))).error());
        byte[] noise = new byte[300];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i * 37 + 11);
        }
        SipParseException e = assertThrows(SipParseException.class, () -> SipParser.withDefaults().parse(noise));
        assertTrue(e.statusCode() == 0 || e.statusCode() == 400);
    }
}
