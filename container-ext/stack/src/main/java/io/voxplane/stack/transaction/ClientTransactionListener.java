package io.voxplane.stack.transaction;

import io.voxplane.sip.SipResponse;

/**
 * Receives what a client transaction passes up to its TU (RFC 3261 s17.1). Called without any
 * transaction lock held, on a transport or timer thread: implementations must not block.
 */
public interface ClientTransactionListener {

    /**
     * A response the transaction passes up: provisional responses, the final response, and for
     * INVITE every 2xx (retransmissions and forked ones too, RFC 6026 s7.2) while Accepted.
     * Retransmitted non-2xx final responses are absorbed and not passed up.
     */
    void onResponse(ClientTransaction transaction, SipResponse response);

    /** Timer B/F fired or the transport failed: act as on {@link TransactionFailure#impliedStatus()}. */
    void onFailure(ClientTransaction transaction, TransactionFailure failure);

    /** The transaction terminated (after its last response or failure). */
    default void onTerminated(ClientTransaction transaction) {
    }
}
