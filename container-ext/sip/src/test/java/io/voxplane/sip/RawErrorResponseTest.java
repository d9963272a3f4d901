package io.voxplane.sip;

import static io.voxplane.sip.Fixtures.crlf;
import static io.voxplane.sip.Fixtures.rfc4475;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw error response (RFC 3261 s8.2.6.2) built when the typed one cannot hold the request's own
 * broken Via/From/To/Call-ID/CSeq: what is copied, what is left out, and when nothing is built.
 */
class RawErrorResponseTest {

    private static SipParseException rejected(String text) {
        return rejected(SipParser.withDefaults(), crlf(text));
    }

    private static SipParseException rejected(SipParser parser, byte[] data) {
        return assertThrows(SipParseException.class, () -> parser.parse(data));
    }

    private static List<String> lines(SipParseException e) {
        String text = new String(e.rawErrorResponse().orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n\r\n"), text);
        return List.of(text.substring(0, text.length() - 4).split("\r\n", -1));
    }

    @Test
    void copiesEveryViaInOrderAndOnlyTheFirstOfEachSingleHeaderUnfoldedAsWritten() {
        SipParseException e = rejected("""
                OPTIONS sip:a@example.com SIP/2.0
                v: SIP/2.0/UDP one.example.com;branch=z9hG4bK1
                Via: SIP/2.0/TCP two.example.com;branch=z9hG4bK2,
                  SIP/2.0/UDP three.example.com;branch=z9hG4bK3
                f: <sip:b@example.com>
                 ;tag=9
                From: <sip:second@example.com>;tag=2
                t: "Unclosed <sip:a@example.com>
                i: call-1
                CSeq: 1 OPTIONS
                X-Other: not copied
                Content-Length: 0

                """);
        assertEquals(List.of("SIP/2.0 400 " + e.reasonPhrase(),
                "v: SIP/2.0/UDP one.example.com;branch=z9hG4bK1",
                "Via: SIP/2.0/TCP two.example.com;branch=z9hG4bK2,  SIP/2.0/UDP three.example.com;branch=z9hG4bK3",
                "f: <sip:b@example.com> ;tag=9",
                "t: \"Unclosed <sip:a@example.com>",
                "i: call-1",
                "CSeq: 1 OPTIONS",
                "Content-Length: 0"), lines(e));
        assertEquals("one.example.com", e.rawErrorResponse().orElseThrow().topVia().host());
    }

    @Test
    void bareCrInsideAValueCannotInjectAHeaderLine() {
        byte[] data = "INVITE sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bKx\r\n"
                .concat("To: <sip:a@example.com>\rX-Injected: 1\r\nCSeq: 1 INVITE\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        SipParseException e = rejected(SipParser.withDefaults(), data);
        List<String> lines = lines(e);
        assertTrue(lines.contains("To: <sip:a@example.com>X-Injected: 1"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("X-Injected")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.indexOf('\r') >= 0 || l.indexOf('\n') >= 0));
    }

    @Test
    void topViaWithEmptyParametersIsReadLenientlyKeepingReceivedAndRport() {
        SipParseException e = rejected("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP h.example.com:5070;;received=192.0.2.7;;rport=4000;branch=z9hG4bKq
                CSeq: 1 OPTIONS

                """);
        Via top = e.rawErrorResponse().orElseThrow().topVia();
        assertEquals("h.example.com", top.host());
        assertEquals(5070, top.port());
        assertEquals("192.0.2.7", top.parameters().get("received").orElseThrow());
        assertEquals("4000", top.parameters().get("rport").orElseThrow());
    }

    @Test
    void overlongFieldIsLeftOutButAnOverlongViaMeansNoAnswer() {
        SipParser small = new SipParser(SipLimits.defaults().withMaxLineLength(80));
        String longTo = "To: <sip:" + "a".repeat(100) + "@example.com>";
        SipParseException e = rejected(small, crlf("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bKq
                %s
                CSeq: 1 OPTIONS

                """.formatted(longTo)));
        assertEquals(List.of("Via: SIP/2.0/UDP h.example.com;branch=z9hG4bKq", "CSeq: 1 OPTIONS",
                "Content-Length: 0"), lines(e).subList(1, 4));

        SipParseException longVia = rejected(small, crlf("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP %s.example.com;branch=z9hG4bKq
                CSeq: 1 OPTIONS

                """.formatted("h".repeat(100))));
        assertEquals(400, longVia.statusCode());
        assertTrue(longVia.rawErrorResponse().isEmpty());
    }

    @Test
    void noAnswerWithoutAReadableVia() {
        assertTrue(rejected("""
                OPTIONS sip:a@example.com SIP/2.0
                CSeq: 1 OPTIONS

                """).rawErrorResponse().isEmpty());
        assertTrue(rejected("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: nonsense
                CSeq: 1 OPTIONS

                """).rawErrorResponse().isEmpty());
    }

    @Test
    void ackAndResponsesGetNothing() {
        SipParseException ack = rejected("""
                ACK sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bKq
                CSeq: 1 ACK

                """);
        assertEquals(0, ack.statusCode());
        assertTrue(ack.rawErrorResponse().isEmpty());
        SipParseException response = rejected(SipParser.withDefaults(), rfc4475("scalarlg"));
        assertEquals(0, response.statusCode());
        assertTrue(response.rawErrorResponse().isEmpty());
    }

    @Test
    void aTypedResponseMeansNoRawOne() {
        SipParseException e = rejected(SipParser.withDefaults(), rfc4475("ltgtruri"));
        assertTrue(e.errorResponse().isPresent());
        assertTrue(e.rawErrorResponse().isEmpty());
    }
}
