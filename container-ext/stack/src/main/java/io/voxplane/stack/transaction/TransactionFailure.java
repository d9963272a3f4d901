package io.voxplane.stack.transaction;

import io.voxplane.stack.transport.TransportException;
import java.util.Objects;

/**
 * Why a transaction ended without its normal outcome, reported to the TU (RFC 3261 s17.1.1.2,
 * s17.1.2.2, s17.1.4, s17.2.1, s17.2.4).
 *
 * @param kind   what happened
 * @param detail human-readable context (which request, which state)
 * @param cause  the transport error for {@link Kind#TRANSPORT_ERROR}, else null
 */
public record TransactionFailure(Kind kind, String detail, TransportException cause) {

    /** The failure kinds with their stable codes and the response code the TU should act as if received. */
    public enum Kind {
        /** Timer B or F fired: treat as 408 Request Timeout (s8.1.3.1). */
        TIMEOUT("VXTXN-001", 408),
        /** The transport could not send: treat as 503 Service Unavailable (s8.1.3.1). */
        TRANSPORT_ERROR("VXTXN-002", 503),
        /** Timer H fired: the ACK for a non-2xx final response never came (s17.2.1). */
        NO_ACK("VXTXN-003", 408),
        /** The TU did not answer a non-INVITE request within 64*T1 ({@link SipTimer#UNANSWERED}). */
        UNANSWERED("VXTXN-010", 408);

        private final String errorCode;
        private final int impliedStatus;

        Kind(String errorCode, int impliedStatus) {
            this.errorCode = errorCode;
            this.impliedStatus = impliedStatus;
        }

        public String errorCode() {
            return errorCode;
        }

        public int impliedStatus() {
            return impliedStatus;
        }
    }

    public TransactionFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** The stable code of the kind, e.g. {@code VXTXN-001}. */
    public String errorCode() {
        return kind.errorCode();
    }

    /** The status code a UAC core should act upon: 408 for timeouts, 503 for transport errors. */
    public int impliedStatus() {
        return kind.impliedStatus();
    }

    @Override
    public String toString() {
        return kind.errorCode() + " " + kind + ": " + detail + (cause == null ? "" : " (" + cause.getMessage() + ")");
    }
}
