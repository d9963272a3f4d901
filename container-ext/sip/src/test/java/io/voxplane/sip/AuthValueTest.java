package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthValueTest {

    private static final String CREDENTIALS = "Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
            + " uri=\"sip:bob@biloxi.com\", qop=auth, nc=00000001, cnonce=\"0a4f113b\","
            + " response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    @Test
    void digestCredentialsKeepOrderAndUnquoteValues() throws Exception {
        AuthValue a = AuthValue.parse(CREDENTIALS);
        assertTrue(a.isDigest());
        assertEquals("bob", a.username().orElseThrow());
        assertEquals("biloxi.com", a.realm().orElseThrow());
        assertEquals("auth", a.parameter("QOP").orElseThrow());
        assertEquals("00000001", a.parameter("nc").orElseThrow());
        assertEquals("username", a.parameters().get(0).name());
        assertEquals("opaque", a.parameters().get(8).name());
        assertEquals(CREDENTIALS, a.toString());
    }

    @Test
    void challengeWithEscapedQuoteAndCommaInsideQuotes() throws Exception {
        AuthValue a = AuthValue.parse("Digest realm=\"a \\\"b\\\", c\", qop=\"auth,auth-int\", stale=FALSE, algorithm=MD5");
        assertEquals("a \"b\", c", a.realm().orElseThrow());
        assertEquals("auth,auth-int", a.parameter("qop").orElseThrow());
        assertEquals("FALSE", a.parameter("stale").orElseThrow());
        assertEquals(a, AuthValue.parse(a.toString()));
    }

    @Test
    void token68CredentialsAreKept() throws Exception {
        AuthValue a = AuthValue.parse("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assertEquals("Basic", a.scheme());
        assertEquals("QWxhZGRpbjpvcGVuIHNlc2FtZQ==", a.token68());
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", a.toString());
    }

    @Test
    void malformedValuesAreRejected() {
        for (String bad : new String[] {"", "Digest realm=\"open", "Digest realm=a,", "Digest realm=a realm=b", "Digest =a",
            "Digest a=b, c"}) {
            SipParseException e = assertThrows(SipParseException.class, () -> AuthValue.parse(bad), bad);
            assertEquals(400, e.statusCode(), bad);
        }
    }

    @Test
    void messageAccessorsExposeEveryAuthHeader() throws Exception {
        SipMessage m = SipParser.withDefaults().parse(Fixtures.crlf("""
                SIP/2.0 401 Unauthorized
                Via: SIP/2.0/UDP h.example.com;branch=z9hG4bK1
                From: <sip:b@example.com>;tag=1
                To: <sip:a@example.com>;tag=2
                Call-ID: auth1
                CSeq: 1 REGISTER
                WWW-Authenticate: Digest realm="atlanta.com", nonce="84a4cc6f3082121f32b42a2187831a9e", qop="auth"
                WWW-Authenticate: Digest realm="atlanta.com", nonce="x", algorithm=SHA-256
                Proxy-Authenticate: Digest realm="proxy.com", nonce="y"
                Content-Length: 0

                """));
        assertEquals(2, m.wwwAuthenticates().size());
        assertEquals("SHA-256", m.wwwAuthenticates().get(1).parameter("algorithm").orElseThrow());
        assertEquals("proxy.com", m.proxyAuthenticate().orElseThrow().realm().orElseThrow());
        assertTrue(m.authorization().isEmpty());
        assertTrue(m.proxyAuthorizations().isEmpty());
    }
}
