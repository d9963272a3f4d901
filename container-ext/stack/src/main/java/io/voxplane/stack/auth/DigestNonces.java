package io.voxplane.stack.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces (RFC 7616 s3.3, s5.4): a nonce carries its issue time and a unique number,
 * authenticated by an HMAC-SHA256 with a server secret, so any node that shares the secret can
 * verify it without storing anything:
 * <pre>
 *   nonce = base64url( issuedMillis(8) || unique(8) || HMAC-SHA256(secret, issuedMillis || unique || realm)[0..16) )
 * </pre>
 * The unique number keeps two nonces issued in the same millisecond apart, so their nonce
 * counts ({@link NonceCountCache}) never collide. A nonce expires {@code ttl} after issue; an
 * expired nonce with a correct HMAC is {@link NonceStatus#EXPIRED} (the client gets
 * {@code stale=true} and retries without asking the user).
 */
public final class DigestNonces {

    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = 8 + 8 + MAC_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** A base64url nonce of {@value #NONCE_BYTES} bytes without padding has this many characters. */
    private static final int NONCE_CHARS = (NONCE_BYTES * 4 + 2) / 3;

    private final SecretKeySpec key;
    private final byte[] realm;
    private final long ttlMillis;
    private final InstantSource clock;
    private final AtomicLong unique;
    private final ThreadLocal<Mac> macs;

    /**
     * @param secret the server secret (at least 16 bytes), shared by every node of a cluster
     * @param realm  the realm the nonces are for; a nonce of another realm does not verify
     * @param ttl    how long a nonce is accepted after issue
     * @param clock  wall clock (shared meaning across nodes); tests pass a virtual one
     */
    public DigestNonces(byte[] secret, String realm, Duration ttl, InstantSource clock) {
        if (secret.length < 16) {
            throw new AuthException(AuthException.BAD_CONFIGURATION, "the nonce secret must have at least 16 bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new AuthException(AuthException.BAD_CONFIGURATION, "the nonce TTL must be positive: " + ttl);
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.realm = realm.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.ttlMillis = ttl.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unique = new AtomicLong(new SecureRandom().nextLong());
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac();
    }

    /** A fresh nonce. */
    public String issue() {
        long issued = clock.millis();
        ByteBuffer b = ByteBuffer.allocate(NONCE_BYTES);
        b.putLong(issued).putLong(unique.getAndIncrement());
        b.put(mac(b.array()), 0, MAC_BYTES);
        return ENCODER.encodeToString(b.array());
    }

    /** Whether {@code nonce} came from this server and is still young enough. */
    public NonceStatus check(String nonce) {
        byte[] raw = decode(nonce);
        if (raw == null) {
            return NonceStatus.FORGED;
        }
        byte[] expected = Arrays.copyOf(mac(raw), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, 16, NONCE_BYTES))) {
            return NonceStatus.FORGED;
        }
        long age = clock.millis() - issuedMillis(raw);
        return age >= 0 && age <= ttlMillis ? NonceStatus.VALID : NonceStatus.EXPIRED;
    }

    /** The issue time of a nonce that {@link #check} found not forged, in epoch milliseconds. */
    public long issuedMillis(String nonce) {
        byte[] raw = decode(nonce);
        return raw == null ? Long.MIN_VALUE : issuedMillis(raw);
    }

    private static long issuedMillis(byte[] raw) {
        return ByteBuffer.wrap(raw).getLong(0);
    }

    private static byte[] decode(String nonce) {
        if (nonce.length() != NONCE_CHARS) {
            return null;
        }
        try {
            byte[] raw = DECODER.decode(nonce);
            return raw.length == NONCE_BYTES ? raw : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** HMAC over the first 16 bytes (issue time and unique number) and the realm. */
    private byte[] mac(byte[] raw) {
        Mac mac = macs.get();
        mac.update(raw, 0, 16);
        return mac.doFinal(realm);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide HmacSHA256", e);
        }
    }
}
