package io.voxplane.stack.auth;

import io.voxplane.sip.AuthValue;
import io.voxplane.sip.SipParseException;
import java.util.List;

/** The client side of digest, for tests: answers a challenge the way RFC 7616 s3.4 says. */
final class DigestClient {

    private DigestClient() {
    }

    static AuthValue parse(String text) {
        try {
            return AuthValue.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError("bad challenge " + text, e);
        }
    }

    /** Credentials answering {@code challenge} for {@code method} on {@code uri}. */
    static String answer(AuthValue challenge, String username, String password, String method, String uri,
                         String nc, String cnonce) {
        String realm = challenge.realm().orElseThrow();
        String nonce = challenge.nonce().orElseThrow();
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(challenge.parameter("algorithm").orElse("MD5")).orElseThrow();
        String response = DigestComputation.response(algorithm,
                DigestComputation.ha1(algorithm, username, realm, password), nonce, nc, cnonce, "auth",
                DigestComputation.ha2(algorithm, method, uri));
        return AuthValue.digest(List.of(
                new AuthValue.Param("username", username, true),
                new AuthValue.Param("realm", realm, true),
                new AuthValue.Param("nonce", nonce, true),
                new AuthValue.Param("uri", uri, true),
                new AuthValue.Param("response", response, true),
                new AuthValue.Param("algorithm", algorithm.token(), false),
                new AuthValue.Param("cnonce", cnonce, true),
                new AuthValue.Param("qop", "auth", false),
                new AuthValue.Param("nc", nc, false))).toString();
    }
}
