package io.voxplane.stack.transaction;

/**
 * A transaction could not be created or used as asked (limit reached, response in the wrong
 * state). Carries a stable searchable {@link #errorCode()}.
 */
public class TransactionException extends RuntimeException {

    /** The live transaction limit was reached ({@link TransactionConfig#maxTransactions()}). */
    public static final String LIMIT_REACHED = "VXTXN-004";
    /** The TU passed a response the transaction's state does not allow (e.g. a second final response). */
    public static final String RESPONSE_NOT_ALLOWED = "VXTXN-005";
    /** The request cannot start a client transaction (ACK, or no RFC 3261 branch on the top Via). */
    public static final String BAD_REQUEST = "VXTXN-006";

    private final String errorCode;

    public TransactionException(String errorCode, String message) {
        super(errorCode + " " + message);
        this.errorCode = errorCode;
    }

    /** The stable code, e.g. {@code VXTXN-004}. */
    public String errorCode() {
        return errorCode;
    }
}
