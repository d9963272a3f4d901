package io.voxplane.stack.transaction;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;

/**
 * The transaction user (RFC 3261 s17: UA core, proxy core) as the {@link TransactionLayer} sees
 * it. Called without transaction locks held, on transport or timer threads: must not block.
 * Responses to client transactions go to each transaction's own {@link ClientTransactionListener}.
 */
public interface TransactionUser {

    /**
     * A new request with its new server transaction (not called for ACK or CANCEL). The TU answers
     * through {@link ServerTransaction#respond}.
     */
    void onRequest(SipRequest request, ServerTransaction transaction);

    /**
     * An ACK no transaction absorbed: the ACK for a 2xx (its own transaction, s17), including one
     * matched to an INVITE server transaction in the Accepted state (RFC 6026 s7.1).
     */
    void onAck(SipRequest ack, Flow flow);

    /**
     * A CANCEL matched an INVITE server transaction; the layer has already answered the CANCEL
     * with 200 (s9.2). The default answers the INVITE with 487 if it has no final response yet;
     * a UA overrides it to also end its early dialog.
     */
    default void onCancel(SipRequest cancel, ServerInviteTransaction invite) {
        invite.respondRequestTerminated();
    }

    /**
     * A response that matched no client transaction. Only 2xx responses to INVITE are passed
     * here (retransmissions after Timer M, s13.2.2.4: the UAC core ACKs them again); others are
     * dropped (RFC 6026 s7.2).
     */
    default void onStrayResponse(SipResponse response, Flow flow) {
    }

    /** A server transaction failed: Timer H fired (no ACK) or a response could not be sent. */
    default void onServerTransactionFailure(ServerTransaction transaction, TransactionFailure failure) {
    }

    /** A server transaction terminated and left the table. */
    default void onServerTransactionTerminated(ServerTransaction transaction) {
    }
}
