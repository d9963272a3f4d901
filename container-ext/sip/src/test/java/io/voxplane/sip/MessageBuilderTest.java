package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {

    private static SipUri uri(String s) throws SipParseException {
        return SipUri.parse(s);
    }

    private static SipRequest.Builder invite() throws SipParseException {
        return SipRequest.builder(SipMethod.INVITE, uri("sip:bob@biloxi.example.com"))
                .via(Via.of("UDP", "pc33.atlanta.example.com", 5060, "z9hG4bK776asdhds"))
                .from(Address.of("Alice", uri("sip:alice@atlanta.example.com")).withTag("1928301774"))
                .to(Address.of("Bob", uri("sip:bob@biloxi.example.com")))
                .callId("a84b4c76e66710@pc33.atlanta.example.com")
                .cseq(new CSeq(314159, SipMethod.INVITE))
                .contact(Address.of(uri("sip:alice@pc33.atlanta.example.com")));
    }

    @Test
    void requestBuiltFromScratchSerializesCanonicallyAndParsesBack() throws Exception {
        byte[] sdp = "v=0\r\n".getBytes(StandardCharsets.US_ASCII);
        SipRequest r = invite().body("application/sdp", sdp).build();
        String wire = r.toString();
        assertEquals("""
                INVITE sip:bob@biloxi.example.com SIP/2.0\r
                Via: SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK776asdhds\r
                Max-Forwards: 70\r
                From: "Alice" <sip:alice@atlanta.example.com>;tag=1928301774\r
                To: "Bob" <sip:bob@biloxi.example.com>\r
                Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r
                CSeq: 314159 INVITE\r
                Contact: <sip:alice@pc33.atlanta.example.com>\r
                Content-Type: application/sdp\r
                Content-Length: 5\r
                \r
                v=0\r
                """, wire);
        SipRequest back = (SipRequest) SipParser.withDefaults().parse(r.toBytes());
        assertEquals(r.headers(), back.headers());
        assertArrayEquals(sdp, back.body());
        assertEquals(70, back.maxForwards().getAsInt());
    }

    @Test
    void buildNamesTheMissingMandatoryHeader() throws Exception {
        SipRequest.Builder b = SipRequest.builder(SipMethod.OPTIONS, uri("sip:a@example.com"))
                .via(Via.of("UDP", "h.example.com", -1, "z9hG4bK1"))
                .from(Address.of(uri("sip:b@example.com")).withTag("x"))
                .to(Address.of(uri("sip:a@example.com")))
                .cseq(new CSeq(1, SipMethod.OPTIONS));
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertTrue(e.getMessage().contains("Call-ID"), e.getMessage());
        SipRequest.Builder noVia = SipRequest.builder(SipMethod.OPTIONS, uri("sip:a@example.com"))
                .from(Address.of(uri("sip:b@example.com"))).to(Address.of(uri("sip:a@example.com")))
                .callId("c").cseq(new CSeq(1, SipMethod.OPTIONS));
        assertTrue(assertThrows(IllegalStateException.class, noVia::build).getMessage().contains("Via"));
    }

    @Test
    void viaOperationsKeepOrder() throws Exception {
        Via a = Via.of("UDP", "a.example.com", -1, "z9hG4bKa");
        Via b = Via.of("TCP", "b.example.com", 5070, "z9hG4bKb");
        Via c = Via.of("TLS", "c.example.com", -1, "z9hG4bKc");
        SipRequest r = invite().vias(List.of(a)).via(b).pushVia(c).build();
        assertEquals(List.of(c, a, b), r.vias());
        SipRequest popped = r.toBuilder().removeTopVia().build();
        assertEquals(List.of(a, b), popped.vias());
        // a Via field with a comma list loses only its first value
        SipRequest listed = invite().removeHeader("Via").header("Via", a + ", " + b).build();
        assertEquals(List.of(b), listed.toBuilder().removeTopVia().build().vias());
    }

    @Test
    void routesAndRecordRoutesAreAddedInOrderAndReplaced() throws Exception {
        Address r1 = Address.of(uri("sip:p1.example.com;lr"));
        Address r2 = Address.of(uri("sip:p2.example.com;lr"));
        SipRequest r = invite().route(r1).route(r2).recordRoute(r2).build();
        assertEquals(List.of(r1, r2), r.routes());
        assertEquals(List.of(r2), r.recordRoutes());
        assertEquals(List.of(r2), r.toBuilder().routes(List.of(r2)).build().routes());
        assertTrue(r.toBuilder().routes(List.of()).build().routes().isEmpty());
        assertEquals(List.of(r1, r2), r.toBuilder().recordRoutes(List.of(r1, r2)).build().recordRoutes());
    }

    @Test
    void setHeaderReplacesAllFieldsIncludingCompactForms() throws Exception {
        SipRequest r = invite().header("k", "timer").header("Supported", "100rel").build();
        assertEquals(List.of("timer", "100rel"), r.supported());
        SipRequest s = r.toBuilder().setHeader("Supported", "replaces").build();
        assertEquals(List.of("replaces"), s.supported());
        assertTrue(s.toBuilder().removeHeader("supported").build().supported().isEmpty());
    }

    @Test
    void headerValuesWithLineBreaksAreRefused() throws Exception {
        SipRequest.Builder b = invite();
        assertThrows(IllegalArgumentException.class, () -> b.header("X-Evil", "a\r\nVia: injected"));
        assertThrows(IllegalArgumentException.class, () -> b.header("Bad Name", "v"));
    }

    @Test
    void replyToCopiesViasFromToCallIdCseqOnly() throws Exception {
        SipRequest req = (SipRequest) SipParser.withDefaults().parse(Fixtures.rfc4475("wsinv"));
        SipResponse resp = SipResponse.replyTo(req, 180).build();
        assertEquals(180, resp.status());
        assertEquals("Ringing", resp.reason());
        assertEquals(req.vias(), resp.vias());
        assertEquals(req.from(), resp.from());
        assertEquals(req.to(), resp.to());
        assertEquals(req.callId(), resp.callId());
        assertEquals(req.cseq(), resp.cseq());
        assertTrue(resp.contacts().isEmpty());
        assertTrue(resp.routes().isEmpty());
        assertTrue(resp.header("NewFangledHeader").isEmpty());
        assertTrue(resp.maxForwards().isEmpty());
        SipResponse tagged = SipResponse.replyTo(req, 486, "Busy Here (try later)")
                .to(req.to().withTag("as83kd9bs")).build();
        assertEquals("as83kd9bs", tagged.to().tag().orElseThrow());
        assertEquals("Busy Here (try later)", tagged.reason());
        assertTrue(tagged.isFinal());
        assertEquals(4, tagged.statusClass());
        SipResponse again = (SipResponse) SipParser.withDefaults().parse(tagged.toBytes());
        assertEquals(tagged.vias(), again.vias());
    }

    @Test
    void responseBuilderAndToBuilderRoundTrip() throws Exception {
        SipResponse ok = (SipResponse) SipParser.withDefaults().parse(Fixtures.ok200());
        SipResponse changed = ok.toBuilder().status(202).reason(null).removeTopVia().build();
        assertEquals(202, changed.status());
        assertEquals("Accepted", changed.reason());
        assertEquals(1, changed.vias().size());
        assertThrows(IllegalArgumentException.class, () -> SipResponse.builder(700, "x"));
        assertThrows(IllegalArgumentException.class, () -> SipResponse.builder(99, "x"));
    }

    @Test
    void toBuilderKeepsMethodAndCanChangeIt() throws Exception {
        SipRequest inv = invite().build();
        SipRequest ack = inv.toBuilder().method(SipMethod.ACK).cseq(inv.cseq().withMethod(SipMethod.ACK))
                .body(null, null).build();
        assertTrue(ack.isAck());
        assertFalse(ack.isInvite());
        assertEquals(0, ack.body().length);
        assertTrue(ack.contentType().isEmpty());
        assertEquals("0", ack.header("Content-Length").orElseThrow());
        SipRequest cancel = inv.toBuilder().method(SipMethod.CANCEL).requestUri(uri("sip:other@example.com"))
                .build();
        assertTrue(cancel.isCancel());
        assertEquals("sip:other@example.com", cancel.requestUri().toString());
    }

    @Test
    void cseqRangeIsEnforced() {
        assertThrows(IllegalArgumentException.class, () -> new CSeq(-1, "INVITE"));
        assertThrows(IllegalArgumentException.class, () -> new CSeq(CSeq.MAX + 1, "INVITE"));
        assertThrows(IllegalArgumentException.class, () -> new CSeq(1, "IN VITE"));
        assertEquals("4294967295 INVITE", new CSeq(CSeq.MAX, "INVITE").toString());
    }
}
