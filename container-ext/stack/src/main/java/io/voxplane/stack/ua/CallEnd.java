package io.voxplane.stack.ua;

import java.util.Objects;

/**
 * How a call ended.
 *
 * @param reason what ended it
 * @param status the SIP status involved (the rejecting final response, 487 for CANCEL, the
 *               implied 408/503 of a failure), or 0 for BYE
 */
public record CallEnd(Reason reason, int status) {

    public enum Reason {
        /** This UA sent BYE. */
        LOCAL_BYE,
        /** The peer sent BYE. */
        REMOTE_BYE,
        /** The INVITE got a non-2xx final response (sent or received). */
        REJECTED,
        /** The INVITE was cancelled. */
        CANCELLED,
        /** Timeout or transport error (RFC 3261 s8.1.3.1: act as 408 / 503). */
        FAILED,
        /** The 2xx was never acknowledged within 64*T1 (s13.3.1.4); a BYE was sent. */
        NO_ACK
    }

    public CallEnd {
        Objects.requireNonNull(reason, "reason");
    }
}
