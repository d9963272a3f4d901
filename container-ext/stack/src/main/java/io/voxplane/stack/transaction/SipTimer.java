package io.voxplane.stack.transaction;

/**
 * The transaction timers of RFC 3261 s17 (Table 4, appendix A) and RFC 6026, plus the 100 Trying
 * delay of s17.2.1. Timer C (s16.6, proxies only) is not used by this layer.
 */
public enum SipTimer {
    /** INVITE request retransmit interval (UDP only), starts at T1 and doubles. s17.1.1.2. */
    A,
    /** INVITE transaction timeout, 64*T1. s17.1.1.2. */
    B,
    /** Wait time for response retransmits, 32 s for UDP, 0 for TCP. s17.1.1.2. */
    D,
    /** Non-INVITE request retransmit interval (UDP only), T1 doubling to T2. s17.1.2.2. */
    E,
    /** Non-INVITE transaction timeout, 64*T1. s17.1.2.2. */
    F,
    /** INVITE response retransmit interval, T1 doubling to T2. s17.2.1. */
    G,
    /** Wait time for ACK receipt, 64*T1. s17.2.1. */
    H,
    /** Wait time for ACK retransmits, T4 for UDP, 0 for TCP. s17.2.1. */
    I,
    /** Wait time for non-INVITE request retransmits, 64*T1 for UDP, 0 for TCP. s17.2.2. */
    J,
    /** Wait time for response retransmits, T4 for UDP, 0 for TCP. s17.1.2.2. */
    K,
    /** RFC 6026: wait time for accepted INVITE request retransmits, 64*T1. */
    L,
    /** RFC 6026: wait time for retransmission of 2xx to INVITE, 64*T1. */
    M,
    /** s17.2.1: send 100 Trying if the TU has not answered an INVITE within 200 ms. */
    TRYING,
    /**
     * Not an RFC timer: a non-INVITE server transaction the TU has not answered within 64*T1 is
     * ended, because by then the client's Timer F has fired and no answer can reach anyone
     * (RFC 4320 s4); without it a silent TU would leak transactions.
     */
    UNANSWERED
}
