package io.voxplane.stack.transaction;

/**
 * The states of the four RFC 3261 s17 transaction machines, with RFC 6026's Accepted state.
 * Each machine uses a subset and declares its transition table:
 * <ul>
 * <li>client INVITE (s17.1.1, Figure 5; RFC 6026 s7.2): CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED</li>
 * <li>client non-INVITE (s17.1.2, Figure 6): TRYING, PROCEEDING, COMPLETED, TERMINATED</li>
 * <li>server INVITE (s17.2.1, Figure 7; RFC 6026 s7.1): PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED</li>
 * <li>server non-INVITE (s17.2.2, Figure 8): TRYING, PROCEEDING, COMPLETED, TERMINATED</li>
 * </ul>
 */
public enum TransactionState {
    /** Client INVITE: request sent, no response yet; Timer A retransmits, Timer B gives up. */
    CALLING,
    /** Non-INVITE: request sent (client) or received (server), no provisional response yet. */
    TRYING,
    /** A provisional response was received (client) or sent (server, and the INVITE server start state). */
    PROCEEDING,
    /** A final response was received (client) or sent (server) and the transaction absorbs retransmissions. */
    COMPLETED,
    /** RFC 6026: a 2xx to an INVITE was received or sent; absorbs or passes retransmissions until Timer M / L. */
    ACCEPTED,
    /** Server INVITE: the ACK for a non-2xx final response arrived; Timer I absorbs ACK retransmissions. */
    CONFIRMED,
    /** Final state: timers cancelled, removed from the transaction table. */
    TERMINATED
}
