package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipLimitsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        SipLimits d = SipLimits.defaults();
        assertEquals(65_535, d.maxMessageSize());
        assertEquals(256, d.maxHeaderCount());
        assertEquals(8_192, d.maxLineLength());
        assertEquals(8_192, d.maxHeaderValueLength());
    }

    @Test
    void messageOverSizeLimitIs413() {
        SipParser p = new SipParser(SipLimits.defaults().withMaxMessageSize(400));
        SipParseException e = assertThrows(SipParseException.class, () -> p.parse(Fixtures.invite()));
        assertEquals(SipErrorCode.MESSAGE_TOO_LARGE, e.error());
        assertEquals(413, e.statusCode());
        assertEquals("Request Entity Too Large (Message too large)", e.reasonPhrase());
        assertEquals(413, e.errorResponse().orElseThrow().status());
    }

    @Test
    void tooManyHeaderFieldsIs400NamingTheLimit() {
        SipParser p = new SipParser(SipLimits.defaults().withMaxHeaderCount(8));
        SipParseException e = assertThrows(SipParseException.class, () -> p.parse(Fixtures.invite()));
        assertEquals(SipErrorCode.TOO_MANY_HEADERS, e.error());
        assertEquals("Bad Request (Too many header fields)", e.reasonPhrase());
        assertTrue(e.getMessage().contains("8"));
    }

    @Test
    void overlongHeaderLineIs400() {
        String big = "x".repeat(300);
        byte[] m = Fixtures.crlf("""
                OPTIONS sip:a@example.com SIP/2.0
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
                From: <sip:b@example.com>;tag=1
                To: <sip:a@example.com>
                Call-ID: x1
                CSeq: 1 OPTIONS
                X-Big: %s
                Content-Length: 0

                """.formatted(big));
        SipParser p = new SipParser(SipLimits.defaults().withMaxLineLength(256));
        SipParseException e = assertThrows(SipParseException.class, () -> p.parse(m));
        assertEquals(SipErrorCode.LINE_TOO_LONG, e.error());
        assertEquals(400, e.statusCode());
        assertTrue(e.offset() > 0);
        SipParser v = new SipParser(SipLimits.defaults().withMaxHeaderValueLength(100));
        assertEquals(SipErrorCode.VALUE_TOO_LONG, assertThrows(SipParseException.class, () -> v.parse(m)).error());
    }

    @Test
    void overlongRequestLineIs400() {
        byte[] m = ("OPTIONS sip:" + "a".repeat(600) + "@example.com SIP/2.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        SipParser p = new SipParser(SipLimits.defaults().withMaxLineLength(512));
        assertEquals(SipErrorCode.LINE_TOO_LONG, assertThrows(SipParseException.class, () -> p.parse(m)).error());
    }

    @Test
    void absurdLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SipLimits(10, 256, 8192, 8192));
    }
}
