package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipParserTest {

    private final SipParser parser = SipParser.withDefaults();

    @Test
    void plainInviteWithSdpParses() throws Exception {
        SipRequest r = assertInstanceOf(SipRequest.class, parser.parse(Fixtures.invite()));
        assertEquals("INVITE", r.method());
        assertTrue(r.isInvite());
        assertEquals("sip:bob@biloxi.example.com", r.requestUri().toString());
        assertEquals("client.atlanta.example.com", r.topVia().host());
        assertEquals(5060, r.topVia().port());
        assertTrue(r.topVia().hasRfc3261Branch());
        assertTrue(r.topVia().hasRport());
        assertEquals("Alice", r.from().displayName());
        assertEquals("9fxced76sl", r.from().tag().orElseThrow());
        assertEquals("Bob", r.to().displayName());
        assertEquals(new CSeq(1, "INVITE"), r.cseq());
        assertEquals(70, r.maxForwards().getAsInt());
        assertEquals("application/sdp", r.contentType().orElseThrow());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).startsWith("v=0\r\n"));
        assertEquals(java.util.List.of("replaces", "timer"), r.supported());
        assertEquals(7, r.allow().size());
    }

    @Test
    void okResponseParses() throws Exception {
        SipResponse r = assertInstanceOf(SipResponse.class, parser.parse(Fixtures.ok200()));
        assertEquals(200, r.status());
        assertEquals("OK", r.reason());
        assertEquals(2, r.vias().size());
        assertEquals("192.0.2.3", r.topVia().received().orElseThrow());
        assertEquals(0, r.body().length);
        assertFalse(r.isRequest());
    }

    @Test
    void serializedInviteParsesToSameValues() throws Exception {
        SipRequest r = (SipRequest) parser.parse(Fixtures.invite());
        SipRequest again = (SipRequest) parser.parse(r.toBytes());
        assertEquals(r.headers(), again.headers());
        assertArrayEquals(r.body(), again.body());
        assertArrayEquals(Fixtures.invite(), r.toBytes());
    }
}
