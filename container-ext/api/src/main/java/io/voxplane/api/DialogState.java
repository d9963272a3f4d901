package io.voxplane.api;

/**
 * Where the dialog an app holds in a {@link Call} stands (RFC 3261 s12, s13): the dialog it
 * created by answering an INVITE with 2xx, or the legs of its {@link B2bua}.
 *
 * <pre>
 * NONE      the app holds no dialog in this call (it proxied, or the request was not an INVITE)
 * PENDING   an INVITE the app took waits for its answer (or a bridge's outgoing leg rings)
 * CONFIRMED the app answered 2xx (or both bridged legs answered): ACK, BYE, re-INVITE reach it
 * TERMINATED BYE sent or received, CANCEL received, or the INVITE answered with a non-2xx
 * </pre>
 */
public enum DialogState {
    NONE,
    PENDING,
    CONFIRMED,
    TERMINATED
}
