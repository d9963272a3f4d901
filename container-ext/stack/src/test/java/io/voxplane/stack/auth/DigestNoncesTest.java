package io.voxplane.stack.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DigestNoncesTest {

    private static final byte[] SECRET = "a-test-secret-of-some-length".getBytes(StandardCharsets.US_ASCII);
    private final AtomicLong now = new AtomicLong(5_000);
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

    @Test
    void nonceIsValidUntilTtlThenExpired() {
        DigestNonces nonces = new DigestNonces(SECRET, "r", Duration.ofSeconds(10), clock);
        String nonce = nonces.issue();
        assertEquals(NonceStatus.VALID, nonces.check(nonce));
        now.addAndGet(10_000);
        assertEquals(NonceStatus.VALID, nonces.check(nonce));
        now.incrementAndGet();
        assertEquals(NonceStatus.EXPIRED, nonces.check(nonce));
        assertEquals(5_000, nonces.issuedMillis(nonce));
    }

    @Test
    void noncesIssuedInTheSameMillisecondDiffer() {
        DigestNonces nonces = new DigestNonces(SECRET, "r", Duration.ofSeconds(10), clock);
        assertNotEquals(nonces.issue(), nonces.issue());
    }

    @Test
    void anotherSecretOrRealmOrATamperedNonceIsForged() {
        DigestNonces nonces = new DigestNonces(SECRET, "r", Duration.ofSeconds(10), clock);
        String nonce = nonces.issue();
        assertEquals(NonceStatus.FORGED, new DigestNonces("another-secret-xxxxxxxx".getBytes(StandardCharsets.US_ASCII),
                "r", Duration.ofSeconds(10), clock).check(nonce));
        assertEquals(NonceStatus.FORGED, new DigestNonces(SECRET, "other", Duration.ofSeconds(10), clock).check(nonce));
        char[] chars = nonce.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        assertEquals(NonceStatus.FORGED, nonces.check(new String(chars)));
        assertEquals(NonceStatus.FORGED, nonces.check(""));
        assertEquals(NonceStatus.FORGED, nonces.check("not base64 at all!!!!!!!!!!!!!!!!!!!!!!!!!!"));
    }
}
