package io.voxplane.stack.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replay protection for stateless nonces (RFC 7616 s3.4, s5.4; RFC 2617 s3.2.3): remembers, per
 * nonce, the highest nonce count accepted, and accepts a request only when its {@code nc} is
 * higher. Bounded to {@code capacity} nonces; the oldest nonces (by first use) leave first.
 *
 * <p>A nonce that left the cache cannot be told from a new one, so the cache also remembers the
 * newest issue time it has evicted: a nonce issued at or before that instant and no longer in the
 * cache is refused as stale. The client then gets a new nonce; no replay gets through.
 *
 * <p>Thread-safe (one lock; the work under it is a hash lookup).
 */
public final class NonceCountCache {

    /**
     * Default bound on tracked nonces: 100,000 entries (about 10 MB) cover 5,000 registrations/s
     * each with a fresh nonce for 20 s; past that, older nonces are answered stale instead of
     * tracked. Config key {@code voxplane.auth.max-tracked-nonces}.
     */
    public static final int DEFAULT_MAX_TRACKED_NONCES = 100_000;

    /** The verdict on one (nonce, nc) pair. */
    public enum Verdict {
        /** nc is higher than any accepted before for this nonce: accepted and remembered. */
        ACCEPTED,
        /** nc is not higher than one already accepted: a replay. */
        REPLAYED,
        /** The nonce was evicted from the cache: its history is lost, ask for a new nonce. */
        FORGOTTEN
    }

    private final int capacity;
    private final LinkedHashMap<String, long[]> counts;
    private long evictedIssuedUpTo = Long.MIN_VALUE;

    public NonceCountCache(int capacity) {
        if (capacity < 1) {
            throw new AuthException(AuthException.BAD_CONFIGURATION, "nonce cache capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.counts = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false);
    }

    /**
     * Records {@code nc} for {@code nonce} if it is higher than the last accepted one.
     *
     * @param issuedMillis the nonce's issue time (from {@link DigestNonces#issuedMillis})
     */
    public synchronized Verdict accept(String nonce, long issuedMillis, long nc) {
        long[] entry = counts.get(nonce);
        if (entry == null) {
            if (issuedMillis <= evictedIssuedUpTo) {
                return Verdict.FORGOTTEN;
            }
            counts.put(nonce, new long[] {nc, issuedMillis});
            if (counts.size() > capacity) {
                Map.Entry<String, long[]> eldest = counts.entrySet().iterator().next();
                evictedIssuedUpTo = Math.max(evictedIssuedUpTo, eldest.getValue()[1]);
                counts.remove(eldest.getKey());
            }
            return Verdict.ACCEPTED;
        }
        if (nc <= entry[0]) {
            return Verdict.REPLAYED;
        }
        entry[0] = nc;
        return Verdict.ACCEPTED;
    }

    /** Nonces currently tracked. */
    public synchronized int size() {
        return counts.size();
    }
}
