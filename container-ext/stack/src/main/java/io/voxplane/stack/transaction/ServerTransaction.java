package io.voxplane.stack.transaction;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import io.voxplane.stack.transport.Flow;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A server transaction (RFC 3261 s17.2): receives a request, lets the TU answer through
 * {@link #respond(SipResponse)}, and absorbs or answers retransmissions of the request.
 * Responses go back on the flow the request came on (s18.2.2).
 *
 * <p>Ordering: a response is handed to the transport while the transaction's monitor is held,
 * so responses leave in the order the machine decided them, whichever thread decided (a 100
 * Trying from the timer thread can never overtake, nor follow, a 180 the TU sent after it). The
 * transport keeps the order of sends issued in sequence on one flow.
 *
 * <p>Memory: once the final response is sent the transaction keeps only its To tag, the final
 * status and, where it must still retransmit it (a non-2xx final response, a non-INVITE final
 * response over UDP), the response's serialized bytes and top Via; the parsed request and
 * response objects are dropped. A retransmission resends those bytes as they are.
 */
public abstract sealed class ServerTransaction extends Transaction permits ServerInviteTransaction, ServerNonInviteTransaction {

    private final Flow flow;
    private final boolean reliable;
    private final String fromTag;
    private SipResponse lastResponse;
    private int finalStatus;
    private String toTag;
    private byte[] finalWire;
    private Via finalVia;

    ServerTransaction(TransactionLayer layer, TransactionKey key, SipRequest request, Flow flow, TransactionState initial) {
        super(layer, key, request, initial);
        this.flow = flow;
        this.reliable = flow.transport().reliable();
        this.fromTag = request.from().tag().orElse("");
    }

    /** The request's From tag, or "" when it had none. */
    public final String fromTag() {
        return fromTag;
    }

    /** The flow the request arrived on; responses are sent back on it. */
    public final Flow flow() {
        return flow;
    }

    /**
     * The last response sent while the transaction had no final response, or null. Once a final
     * response is sent only its {@link #finalStatus()} and To tag stay known.
     */
    public final synchronized SipResponse lastResponse() {
        return lastResponse;
    }

    /** The status of the final response sent, or 0 when there is none yet. */
    public final synchronized int finalStatus() {
        return finalStatus;
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
        return finalStatus != 0;
    }

    /** A retransmission of the request (or, for INVITE, the ACK) matched to this transaction. */
    abstract void receiveRequest(SipRequest request, Flow from);

    /**
     * Starts the timers that wait for the TU, unless it already answered; called once by the
     * layer, right after it handed the request to the TU.
     */
    void start() {
    }

    final boolean reliable() {
        return reliable;
    }

    /** Records a provisional response sent; guarded by this. */
    final void remember(SipResponse response) {
        lastResponse = response;
        toTag = response.to().tag().orElse(toTag);
    }

    /** True when a provisional response was sent and can be re-sent; guarded by this. */
    final boolean hasProvisional() {
        return finalStatus == 0 && lastResponse != null;
    }

    /** The To tag of the responses sent so far, or null; guarded by this. */
    final String rememberedToTag() {
        return toTag;
    }

    /**
     * Sends the final response and keeps what the remaining states need: its bytes when
     * {@code retransmit} is true, else nothing but its status and To tag. Drops the parsed
     * request and responses. Guarded by this.
     */
    final void sendFinal(SipResponse response, boolean retransmit, List<Runnable> effects) {
        finalStatus = response.status();
        toTag = response.to().tag().orElse(toTag);
        lastResponse = null;
        releaseRequest();
        if (retransmit) {
            finalWire = response.toBytes();
            finalVia = response.topVia();
            resendFinal(effects);
        } else {
            send(response, effects);
        }
    }

    /** Re-sends the final response kept for retransmission, if any; guarded by this. */
    final void resendFinal(List<Runnable> effects) {
        if (finalWire != null) {
            watch(layer.resendResponseNow(finalWire, finalVia, flow), effects);
        }
    }

    /**
     * Hands {@code response} to the transport now, under the monitor, so the order of sends is
     * the order of decisions; the failure report runs later, among the effects. Guarded by this.
     */
    final void send(SipResponse response, List<Runnable> effects) {
        watch(layer.sendResponseNow(response, flow), effects);
    }

    private void watch(CompletableFuture<Flow> sent, List<Runnable> effects) {
        effects.add(() -> sent.whenComplete((used, failure) -> {
            if (failure != null) {
                sendFailed(failure);
            }
        }));
    }

    /** Rejects responses that do not belong to this request (another CSeq). */
    final void checkBelongs(SipResponse response) {
        if (!response.cseq().equals(cseq())) {
            throw new TransactionException(TransactionException.RESPONSE_NOT_ALLOWED,
                    "response CSeq " + response.cseq() + " does not match request CSeq " + cseq());
        }
    }

    final TransactionException notAllowed(SipResponse response, TransactionState state) {
        return new TransactionException(TransactionException.RESPONSE_NOT_ALLOWED,
                response.status() + " response not allowed in " + state + " for " + method() + " "
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
