package io.voxplane.stack.b2bua;

/**
 * Where a {@link B2buaCall} stands.
 *
 * <pre>
 * CALLING   --B leg 1xx (relayed to A)-->  EARLY
 * CALLING|EARLY --B leg 2xx (A answered with B's SDP)--> CONNECTED
 * CALLING|EARLY --B leg fails / A cancels--> ENDED
 * CONNECTED --BYE from either side (BYE sent to the other)--> ENDED
 * </pre>
 */
public enum B2buaCallState {
    /** A leg received, B leg INVITE sent. */
    CALLING,
    /** B leg rings; its provisional responses go to A. */
    EARLY,
    /** Both legs answered. */
    CONNECTED,
    /** Both legs are over (or on their way out: BYE / CANCEL sent). */
    ENDED
}
