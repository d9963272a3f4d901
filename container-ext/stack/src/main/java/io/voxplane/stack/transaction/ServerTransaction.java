package io.voxplane.stack.transaction;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import java.util.List;

/**
 * A server transaction (RFC 3261 s17.2): receives a request, lets the TU answer through
 * {@link #respond(SipResponse)}, and absorbs or answers retransmissions of the request.
 * Responses go back on the flow the request came on (s18.2.2).
 */
public abstract sealed class ServerTransaction extends Transaction permits ServerInviteTransaction, ServerNonInviteTransaction {

    private final Flow flow;
    private final boolean reliable;
    private SipResponse lastResponse;

    ServerTransaction(TransactionLayer layer, TransactionKey key, SipRequest request, Flow flow, TransactionState initial) {
        super(layer, key, request, initial);
        this.flow = flow;
        this.reliable = flow.transport().reliable();
    }

    /** The flow the request arrived on; responses are sent back on it. */
    public final Flow flow() {
        return flow;
    }

    /** The last response sent, or null. */
    public final synchronized SipResponse lastResponse() {
        return lastResponse;
    }

    /**
     * Sends a response from the TU.
     *
     * @throws TransactionException {@code VXTXN-005} when the state does not take this response
     *                              (e.g. a second final response, or a response for another request)
     */
    public abstract void respond(SipResponse response);

    /** True once a final response was sent. */
    public final synchronized boolean hasFinalResponse() {
        return lastResponse != null && lastResponse.isFinal();
    }

    /** A retransmission of the request (or, for INVITE, the ACK) matched to this transaction. */
    abstract void receiveRequest(SipRequest request, Flow from);

    /** Starts the timers that run from creation; called once by the layer after registration. */
    void start() {
    }

    final boolean reliable() {
        return reliable;
    }

    /** Guarded by this. */
    final void remember(SipResponse response) {
        lastResponse = response;
    }

    /** Guarded by this. */
    final SipResponse remembered() {
        return lastResponse;
    }

    /** Adds a send of {@code response} on the request's flow to the effects. */
    final void send(SipResponse response, List<Runnable> effects) {
        effects.add(() -> layer.sendResponseNow(response, flow).whenComplete((used, failure) -> {
            if (failure != null) {
                sendFailed(failure);
            }
        }));
    }

    /** Rejects responses that do not belong to this request (another CSeq). */
    final void checkBelongs(SipResponse response) {
        if (!response.cseq().equals(request().cseq())) {
            throw new TransactionException(TransactionException.RESPONSE_NOT_ALLOWED,
                    "response CSeq " + response.cseq() + " does not match request CSeq " + request().cseq());
        }
    }

    final TransactionException notAllowed(SipResponse response, TransactionState state) {
        return new TransactionException(TransactionException.RESPONSE_NOT_ALLOWED,
                response.status() + " response not allowed in " + state + " for " + request().method() + " "
                        + key().branch());
    }

    final void reportFailure(TransactionFailure failure, List<Runnable> effects) {
        effects.add(() -> layer.user().onServerTransactionFailure(this, failure));
    }

    @Override
    final void notifyTerminated() {
        layer.user().onServerTransactionTerminated(this);
    }
}
