package io.voxplane.stack.dialog;

/**
 * Dialog states (RFC 3261 s12, s12.3, s13.2.2.4, s15).
 *
 * <pre>
 * EARLY     --2xx to the INVITE-->                 CONFIRMED
 * EARLY     --non-2xx final to the INVITE-->       TERMINATED
 * CONFIRMED --BYE, or 481/408 to an in-dialog request--> TERMINATED
 * </pre>
 */
public enum DialogState {
    /** Created by a provisional response with a To tag (s12.1). */
    EARLY,
    /** Created or confirmed by a 2xx (s12.1, s13.2.2.4). */
    CONFIRMED,
    /** Ended; removed from the registry. */
    TERMINATED
}
