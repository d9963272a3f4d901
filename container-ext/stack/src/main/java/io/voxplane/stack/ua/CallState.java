package io.voxplane.stack.ua;

/** Where a {@link Call} stands; follows its INVITE dialog (RFC 3261 s12, s13). */
public enum CallState {
    /** INVITE sent or received, no dialog yet. */
    INITIATED,
    /** An early dialog exists (a provisional response with a To tag). */
    EARLY,
    /** A 2xx was sent or received: the dialog is confirmed. */
    CONFIRMED,
    /** Ended by BYE, rejection, CANCEL or failure. */
    TERMINATED
}
