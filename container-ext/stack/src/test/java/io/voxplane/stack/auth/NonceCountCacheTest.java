package io.voxplane.stack.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NonceCountCacheTest {

    @Test
    void acceptsOnlyIncreasingCountsPerNonce() {
        NonceCountCache cache = new NonceCountCache(10);
        assertEquals(NonceCountCache.Verdict.ACCEPTED, cache.accept("n1", 1, 1));
        assertEquals(NonceCountCache.Verdict.ACCEPTED, cache.accept("n2", 1, 1), "another nonce has its own count");
        assertEquals(NonceCountCache.Verdict.REPLAYED, cache.accept("n1", 1, 1));
        assertEquals(NonceCountCache.Verdict.ACCEPTED, cache.accept("n1", 1, 5));
        assertEquals(NonceCountCache.Verdict.REPLAYED, cache.accept("n1", 1, 4));
    }

    @Test
    void staysWithinItsBoundAndForgetsSafely() {
        NonceCountCache cache = new NonceCountCache(2);
        cache.accept("old", 100, 1);
        cache.accept("mid", 200, 1);
        cache.accept("new", 300, 1);
        assertEquals(2, cache.size());
        assertEquals(NonceCountCache.Verdict.FORGOTTEN, cache.accept("old", 100, 2),
                "an evicted nonce cannot prove its history: the client must take a new one");
        assertEquals(NonceCountCache.Verdict.FORGOTTEN, cache.accept("unused-but-old", 50, 1));
        assertEquals(NonceCountCache.Verdict.ACCEPTED, cache.accept("newer", 301, 1));
    }
}
