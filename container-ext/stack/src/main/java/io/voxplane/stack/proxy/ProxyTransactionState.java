package io.voxplane.stack.proxy;

/**
 * The life of one response context (RFC 3261 s16): a server transaction and the client
 * transactions it forked.
 *
 * <pre>
 * AWAITING_ROUTE --proxyTo-->            FORKING
 * AWAITING_ROUTE --respond / CANCEL-->   COMPLETED
 * FORKING        --2xx forwarded-->      ACCEPTED   (other branches cancelled, s16.7 step 10)
 * FORKING        --best final sent-->    COMPLETED  (every branch done, s16.7 step 6)
 * ACCEPTED       --every branch done-->  COMPLETED
 * </pre>
 */
public enum ProxyTransactionState {
    /** Validated; waiting for the router's decision. */
    AWAITING_ROUTE,
    /** Branches running, no final response sent upstream yet. */
    FORKING,
    /** A 2xx went upstream; remaining branches are being cancelled; later 2xx still go up. */
    ACCEPTED,
    /** The final response went upstream and no branch is pending. */
    COMPLETED
}
