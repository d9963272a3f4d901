package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.RequestValidator.Config;
import io.voxplane.sip.RequestValidator.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private static SipRequest request(String method, String extra) throws SipParseException {
        return (SipRequest) SipParser.withDefaults().parse(Fixtures.crlf("""
                %s sip:bob@example.com SIP/2.0
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
                Max-Forwards: 70
                From: <sip:alice@example.com>;tag=1
                To: <sip:bob@example.com>
                Call-ID: v1@h.example.com
                CSeq: 1 %s
                %sContent-Length: 0

                """.formatted(method, method, extra)));
    }

    private static Optional<Rejection> check(Config c, SipRequest r) {
        return new RequestValidator(c).check(r);
    }

    @Test
    void ordinaryInviteIsAccepted() throws Exception {
        SipRequest r = (SipRequest) SipParser.withDefaults().parse(Fixtures.invite());
        assertTrue(check(Config.ua(), r).isEmpty());
        assertTrue(check(Config.proxy(), r).isEmpty());
    }

    @Test
    void supportedRequireTagsPassCaseInsensitively() throws Exception {
        assertTrue(check(Config.ua(), request("INVITE", "Require: 100REL, timer\n")).isEmpty());
    }

    @Test
    void cancelIgnoresRequireAndAckIsNeverRejected() throws Exception {
        assertTrue(check(Config.ua(), request("CANCEL", "Require: foo\n")).isEmpty());
        assertTrue(check(Config.ua(), request("ACK", "Require: foo\n")).isEmpty());
        assertTrue(check(Config.proxy(), request("ACK", "Max-Forwards: 0\n".replace("Max-Forwards: 0\n", ""))).isEmpty());
    }

    @Test
    void rejectionResponseCopiesRequestHeaders() throws Exception {
        SipRequest r = request("INVITE", "Require: foo\n");
        Rejection rej = check(Config.ua(), r).orElseThrow();
        assertEquals(SipErrorCode.BAD_EXTENSION, rej.error());
        assertEquals("Bad Extension", rej.response().reason());
        assertEquals(r.vias(), rej.response().vias());
        assertEquals(r.cseq(), rej.response().cseq());
        assertEquals("foo", rej.response().header("Unsupported").orElseThrow());
    }

    @Test
    void acceptWildcardsAndEncodingAreHonoured() throws Exception {
        assertTrue(check(Config.ua(), request("INVITE", "Accept: application/*\n")).isEmpty());
        assertTrue(check(Config.ua(), request("OPTIONS", "Accept: */*\n")).isEmpty());
        assertEquals(406, check(Config.ua(), request("OPTIONS", "Accept: text/html\n")).orElseThrow().status());
        assertTrue(check(Config.ua(), request("BYE", "Accept: text/html\n")).isEmpty());
        SipRequest gz = SipRequest.builder("MESSAGE", SipUri.parse("sip:bob@example.com"))
                .via(Via.of("UDP", "h.example.com", -1, "z9hG4bK2"))
                .from(Address.of(SipUri.parse("sip:alice@example.com")).withTag("1"))
                .to(Address.of(SipUri.parse("sip:bob@example.com"))).callId("gz").cseq(new CSeq(1, "MESSAGE"))
                .header("Content-Encoding", "gzip").body("text/plain", "x".getBytes(StandardCharsets.US_ASCII)).build();
        assertEquals(415, check(Config.ua(), gz).orElseThrow().status());
        assertTrue(check(Config.ua(), gz.toBuilder().removeHeader("e").build()).isEmpty());
    }

    @Test
    void proxyChecksSchemeThenMaxForwardsThenProxyRequire() throws Exception {
        SipRequest r = request("OPTIONS", "Proxy-Require: sec-agree\n").toBuilder().maxForwards(0).build();
        assertEquals(483, check(Config.proxy(), r).orElseThrow().status());
        assertEquals(420, check(Config.proxy(), r.toBuilder().maxForwards(5).build()).orElseThrow().status());
        Config agree = new Config(RequestValidator.Role.PROXY, java.util.Set.of("sec-agree"), java.util.Set.of(),
                java.util.Set.of("sip"), java.util.Set.of(), java.util.Set.of(), "p");
        assertTrue(check(agree, r.toBuilder().maxForwards(5).build()).isEmpty());
    }

    @Test
    void methodNotAllowedListsAllow() throws Exception {
        Rejection rej = check(Config.ua(), request("REGISTER", "")).orElseThrow();
        assertEquals(405, rej.status());
        assertEquals(SipErrorCode.METHOD_NOT_ALLOWED, rej.error());
        assertTrue(rej.response().allow().contains("INVITE"));
        assertTrue(check(Config.registrar(), request("REGISTER", "")).isEmpty());
    }
}
