package io.voxplane.stack.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The digest algorithms this server offers and verifies (RFC 7616 s3.2, RFC 8760 s2 for SIP):
 * SHA-256 and MD5. The {@code -sess} variants are not offered, so a client has no reason to use
 * them; a credential naming one is refused like any unknown algorithm.
 */
public enum DigestAlgorithm {

    /** RFC 2617 / RFC 3261 s22.4; kept for clients that only know MD5. */
    MD5("MD5", "MD5"),
    /** RFC 7616 s3.2, RFC 8760 s2.2: offered first. */
    SHA_256("SHA-256", "SHA-256");

    private static final HexFormat HEX = HexFormat.of();

    private final String token;
    private final String jcaName;
    /** One digest per thread: {@code MessageDigest.getInstance} walks the provider list on every call. */
    private final ThreadLocal<MessageDigest> digests;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
        this.digests = ThreadLocal.withInitial(this::newDigest);
    }

    /** The value of the {@code algorithm} auth-param, e.g. {@code SHA-256}. */
    public String token() {
        return token;
    }

    /** The algorithm named by an {@code algorithm} auth-param (case-insensitive), if supported. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** {@code H(data)} in lower-case hex (RFC 7616 s3.4.1). */
    public String hash(String data) {
        return HEX.formatHex(digest().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code KD(secret, data) = H(secret ":" data)} in lower-case hex. */
    public String keyedDigest(String secret, String data) {
        MessageDigest md = digest();
        md.update(secret.getBytes(StandardCharsets.UTF_8));
        md.update((byte) ':');
        return HEX.formatHex(md.digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    private MessageDigest digest() {
        MessageDigest md = digests.get();
        md.reset();
        return md;
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide " + jcaName, e);
        }
    }
}
