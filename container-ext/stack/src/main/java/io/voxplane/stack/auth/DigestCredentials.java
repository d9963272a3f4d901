package io.voxplane.stack.auth;

import io.voxplane.sip.AuthValue;
import java.util.Optional;

/**
 * The digest credentials of one Authorization or Proxy-Authorization value (RFC 7616 s3.4,
 * RFC 3261 s22.4, s25.1 {@code digest-response}). {@link #parse} checks that every parameter that
 * {@code qop=auth} needs is present; it does not check their meaning (the authenticator does).
 *
 * @param algorithm the {@code algorithm} param as written; {@code MD5} when absent (RFC 2617 s3.2.2)
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, String cnonce, String qop, String nc, String opaque) {

    /** The params without which a {@code qop=auth} response cannot be verified (RFC 7616 s3.4). */
    private static final String[] REQUIRED = {"username", "realm", "nonce", "uri", "response", "cnonce", "qop", "nc"};

    /**
     * Reads a Digest credentials value.
     *
     * @throws AuthException {@link AuthException#NOT_DIGEST} for another scheme,
     *                       {@link AuthException#MISSING_PARAMETER} when a required param is absent
     */
    public static DigestCredentials parse(AuthValue value) {
        if (!value.isDigest()) {
            throw new AuthException(AuthException.NOT_DIGEST, "credentials scheme is " + value.scheme() + ", not Digest");
        }
        for (String name : REQUIRED) {
            if (value.parameter(name).isEmpty()) {
                throw new AuthException(AuthException.MISSING_PARAMETER, "digest credentials lack the " + name + " param");
            }
        }
        return new DigestCredentials(get(value, "username"), get(value, "realm"), get(value, "nonce"),
                get(value, "uri"), get(value, "response"), value.parameter("algorithm").orElse("MD5"),
                get(value, "cnonce"), get(value, "qop"), get(value, "nc"), value.parameter("opaque").orElse(null));
    }

    /** The algorithm, if this server supports it. */
    public Optional<DigestAlgorithm> supportedAlgorithm() {
        return DigestAlgorithm.fromToken(algorithm);
    }

    /** The nonce count as a number, or -1 when it is not 8 hex digits (RFC 7616 s3.4 {@code nc-value}). */
    public long nonceCount() {
        if (nc.length() != 8) {
            return -1;
        }
        try {
            return Long.parseLong(nc, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String get(AuthValue value, String name) {
        return value.parameter(name).orElseThrow();
    }
}
