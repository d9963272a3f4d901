package io.voxplane.stack.auth;

/**
 * Why a request was not authenticated, and the answer each reason gets (RFC 3261 s22, RFC 7616).
 * {@code challenge} reasons get 401/407 with fresh challenges; the others a final refusal.
 */
public enum AuthFailure {
    /** No credentials for our realm (s22.1, s22.3: credentials for other realms are ignored): challenge. */
    NO_CREDENTIALS(0, false),
    /** The nonce expired but the response was right: challenge with {@code stale=true} (RFC 7616 s3.3). */
    STALE_NONCE(0, true),
    /** The nonce was not issued by us (or with another secret): challenge, not stale. */
    UNKNOWN_NONCE(0, false),
    /**
     * The nc was not higher than one already accepted for this nonce (RFC 2617 s3.2.3), or the
     * nonce's history was evicted: challenge with {@code stale=true}, so a client that merely
     * raced itself retries with a new nonce while a replayed message gets nothing.
     */
    REPLAYED(0, true),
    /** An algorithm we do not offer: challenge again with the ones we do. */
    UNSUPPORTED_ALGORITHM(0, false),
    /** A required param is missing or malformed (RFC 7616 s3.4), or qop is not {@code auth}: 400. */
    MALFORMED(400, false),
    /** The digest {@code uri} is not the Request-URI (RFC 7616 s3.4.6, RFC 3261 s22.4): 400. */
    URI_MISMATCH(400, false),
    /**
     * The user is unknown, or the response is wrong (wrong password) with a valid nonce: 403.
     * Not a new challenge: the client already answered one with this nonce, so asking again would
     * only offer a password-guessing loop (RFC 3261 s21.4.4: "authorization will not help").
     * Both reasons get the same answer so that usernames cannot be probed.
     */
    FORBIDDEN(403, false);

    private final int status;
    private final boolean stale;

    AuthFailure(int status, boolean stale) {
        this.status = status;
        this.stale = stale;
    }

    /** True when the answer is a new challenge (401 or 407). */
    public boolean challenges() {
        return status == 0;
    }

    /** The final status for non-challenge reasons (400 or 403), else 0. */
    public int status() {
        return status;
    }

    /** True when the new challenge carries {@code stale=true}. */
    public boolean stale() {
        return stale;
    }
}
