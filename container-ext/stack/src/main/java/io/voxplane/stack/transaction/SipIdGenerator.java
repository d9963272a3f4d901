package io.voxplane.stack.transaction;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes branch ids (RFC 3261 s8.1.1.7), tags (s19.3) and Call-IDs (s8.1.1.4).
 *
 * <p>Uses {@link ThreadLocalRandom}, not {@code SecureRandom}: these values must be unique, not
 * secret (RFC 3261 asks for 32 bits of randomness in tags; each value here carries 64 or 128).
 * A deployment that relies on unguessable Call-IDs (it should not; use TLS and digest auth) must
 * supply its own generator. Stateless, thread-safe.
 */
public final class SipIdGenerator {

    /** The RFC 3261 branch prefix (s8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private SipIdGenerator() {
    }

    /** A new branch: {@code z9hG4bK} and 16 hex digits. */
    public static String newBranch() {
        return MAGIC_COOKIE + hex(ThreadLocalRandom.current().nextLong());
    }

    /** A new tag: 16 hex digits. */
    public static String newTag() {
        return hex(ThreadLocalRandom.current().nextLong());
    }

    /** A new Call-ID: 32 hex digits {@code @} host. */
    public static String newCallId(String host) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong()) + "@" + host;
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
