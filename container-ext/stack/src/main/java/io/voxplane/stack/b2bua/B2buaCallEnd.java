package io.voxplane.stack.b2bua;

import java.util.Objects;

/**
 * Why a {@link B2buaCall} ended.
 *
 * @param reason what ended it
 * @param status the SIP status involved: the B leg's final (or implied 408/503) failure status
 *               relayed to A, 487 when A cancelled, the router's reject status, 0 for BYE
 */
public record B2buaCallEnd(Reason reason, int status) {

    public enum Reason {
        /** The caller (A) sent BYE. */
        CALLER_HUNG_UP,
        /** The callee (B) sent BYE. */
        CALLEE_HUNG_UP,
        /** The caller cancelled before the callee answered. */
        CALLER_CANCELLED,
        /** The callee did not answer: its final status went to the caller. */
        CALLEE_FAILED,
        /** The router rejected the call. */
        REJECTED,
        /** The application ended the call ({@link B2buaCall#hangup()}). */
        HUNG_UP_HERE,
        /** A leg failed on its own (no ACK, transport error). */
        FAILED
    }

    public B2buaCallEnd {
        Objects.requireNonNull(reason, "reason");
    }
}
