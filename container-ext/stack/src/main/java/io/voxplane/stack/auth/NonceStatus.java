package io.voxplane.stack.auth;

/** The verdict on a nonce returned by a client (see {@link DigestNonces#check}). */
public enum NonceStatus {
    /** Issued by this server (with this secret) and younger than the nonce TTL. */
    VALID,
    /** Issued by this server but older than the TTL: answer with {@code stale=true} (RFC 7616 s3.3). */
    EXPIRED,
    /** Not a nonce of this server (forged, truncated, another secret or realm). */
    FORGED
}
