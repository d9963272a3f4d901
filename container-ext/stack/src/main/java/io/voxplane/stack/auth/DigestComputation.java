package io.voxplane.stack.auth;

/**
 * The digest values of RFC 7616 s3.4.1-s3.4.3 (RFC 2617 s3.2.2 for MD5) with {@code qop=auth}:
 * <pre>
 *   HA1      = H(username ":" realm ":" password)
 *   HA2      = H(method ":" digest-uri)
 *   response = KD(HA1, nonce ":" nc ":" cnonce ":" qop ":" HA2)
 * </pre>
 * In SIP the method is the request's method (RFC 3261 s22.4). Pure functions, no state.
 */
public final class DigestComputation {

    private DigestComputation() {
    }

    /** {@code H(username:realm:password)}: what a credential store may keep instead of the password. */
    public static String ha1(DigestAlgorithm algorithm, String username, String realm, String password) {
        return algorithm.hash(username + ":" + realm + ":" + password);
    }

    /** {@code H(method:digest-uri)} for {@code qop=auth}. */
    public static String ha2(DigestAlgorithm algorithm, String method, String digestUri) {
        return algorithm.hash(method + ":" + digestUri);
    }

    /** The {@code response} auth-param for {@code qop=auth}. */
    public static String response(DigestAlgorithm algorithm, String ha1, String nonce, String nc, String cnonce,
                                  String qop, String ha2) {
        return algorithm.keyedDigest(ha1, nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
