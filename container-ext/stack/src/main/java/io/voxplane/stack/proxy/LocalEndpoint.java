package io.voxplane.stack.proxy;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transaction.ServerInviteTransaction;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.TransactionFailure;
import io.voxplane.stack.transport.Flow;

/**
 * The user agent side of a node that proxies most requests but terminates some dialogs itself
 * (an application server: calls its apps answer, RFC 3261 s12.1.1, or bridge as a B2BUA). The
 * {@link StatefulProxy} asks it first about every message that may belong to such a dialog; each
 * method returns true when the endpoint took the message (and answered or will answer it), false
 * to leave it to the proxy core (s16.10 CANCEL, s16.11 ACK, s16.12 in-dialog forwarding).
 *
 * <p>Called on the transaction layer's threads, without locks held: must not block.
 */
public interface LocalEndpoint {

    /** Takes nothing: a pure proxy. */
    LocalEndpoint NONE = new LocalEndpoint() {
    };

    /**
     * A request with a To tag that passed s16.3 validation and s16.4 route preprocessing (its
     * server transaction is new). True when it belongs to this endpoint (answered here).
     */
    default boolean onInDialogRequest(SipRequest request, ServerTransaction transaction) {
        return false;
    }

    /** An ACK no transaction absorbed (the ACK for a 2xx). True when it was for this endpoint. */
    default boolean onAck(SipRequest ack, Flow flow) {
        return false;
    }

    /**
     * A CANCEL matched an INVITE server transaction (the layer answered it 200). True when the
     * INVITE is this endpoint's (it answers the INVITE 487 if still unanswered, s9.2).
     */
    default boolean onCancel(SipRequest cancel, ServerInviteTransaction invite) {
        return false;
    }

    /** A 2xx that matched no client transaction (a retransmission, s13.2.2.4). True when it was this endpoint's. */
    default boolean onStrayResponse(SipResponse response, Flow flow) {
        return false;
    }

    /** Every server transaction failure (Timer H, transport error), for the endpoint's own bookkeeping. */
    default void onServerTransactionFailure(ServerTransaction transaction, TransactionFailure failure) {
    }

    /** Every server transaction end, for the endpoint's own bookkeeping. */
    default void onServerTransactionTerminated(ServerTransaction transaction) {
    }
}
