package io.voxplane.stack.ua;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.dialog.Dialog;
import io.voxplane.stack.dialog.DialogId;
import io.voxplane.stack.transaction.ClientInviteTransaction;
import io.voxplane.stack.transaction.ClientTransaction;
import io.voxplane.stack.transaction.ClientTransactionListener;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transaction.TransactionFailure;
import java.util.concurrent.CompletableFuture;

/**
 * A call this UA placed (UAC, RFC 3261 s13.2). The UA ACKs every 2xx itself (s13.2.2.4), again
 * for each retransmitted 2xx; the transaction layer ACKs non-2xx final responses (s17.1.1.3).
 * A 2xx from a second fork (another To tag) is ACKed and then ended with BYE.
 */
public final class OutgoingCall extends Call implements ClientTransactionListener {

    private final SipRequest invite;
    private final CompletableFuture<SipResponse> answered = new CompletableFuture<>();
    private final CompletableFuture<SipResponse> progress = new CompletableFuture<>();
    private ClientInviteTransaction transaction;
    private boolean cancelSent;
    private SipRequest ack;
    private byte[] remoteBody = new byte[0];

    OutgoingCall(UserAgent agent, SipRequest invite) {
        super(agent, invite.callId());
        this.invite = invite;
    }

    public SipRequest invite() {
        return invite;
    }

    /** Completes with the 2xx, or exceptionally with {@link CallFailedException} (final status, 408, 503). */
    public CompletableFuture<SipResponse> answered() {
        return answered;
    }

    /** Completes with the first provisional response above 100 (e.g. 180 Ringing). */
    public CompletableFuture<SipResponse> progress() {
        return progress;
    }

    /** The ACK sent for the 2xx, or null before. */
    public synchronized SipRequest ack() {
        return ack;
    }

    @Override
    public synchronized byte[] remoteBody() {
        return remoteBody;
    }

    /**
     * Ends the call: BYE when confirmed, else CANCEL (s9.1; sent once a provisional response has
     * arrived). The {@link #answered()} future then fails with 487 when the peer honours it.
     */
    @Override
    public CompletableFuture<SipResponse> hangup() {
        if (state() == CallState.CONFIRMED) {
            return super.hangup();
        }
        cancel();
        return answered;
    }

    /**
     * Sends CANCEL for the INVITE (once a provisional response arrived); a second call sends
     * nothing more (one CANCEL per INVITE, s9.1) and returns true.
     *
     * @return false when the INVITE already has its final response
     */
    public boolean cancel() {
        ClientInviteTransaction invited;
        synchronized (this) {
            if (cancelSent) {
                return true;
            }
            invited = transaction;
        }
        boolean sent = invited != null && agent.transactions().sendCancel(invited, IGNORE);
        if (sent) {
            synchronized (this) {
                cancelSent = true;
            }
        }
        return sent;
    }

    synchronized void started(ClientInviteTransaction value) {
        transaction = value;
    }

    @Override
    public void onResponse(ClientTransaction tx, SipResponse response) {
        if (response.isProvisional()) {
            onProvisional(response);
        } else if (response.statusClass() == 2) {
            onSuccess(response);
        } else {
            dialog().ifPresent(d -> d.onResponseReceived(response));
            end(new CallEnd(CallEnd.Reason.REJECTED, response.status()));
            answered.completeExceptionally(new CallFailedException(response.status(), CallFailedException.REJECTED,
                    "INVITE " + invite.requestUri() + " rejected: " + response.status() + " " + response.reason(), response));
        }
    }

    @Override
    public void onFailure(ClientTransaction tx, TransactionFailure failure) {
        end(new CallEnd(CallEnd.Reason.FAILED, failure.impliedStatus()));
        answered.completeExceptionally(new CallFailedException(failure.impliedStatus(), failure.errorCode(),
                failure.toString(), null));
    }

    /** The INVITE transaction ended; if that happened without a final response (shutdown), the call fails with 503. */
    @Override
    public void onTerminated(ClientTransaction tx) {
        if (!answered.isDone()) {
            end(new CallEnd(CallEnd.Reason.FAILED, 503));
            answered.completeExceptionally(new CallFailedException(503, CallFailedException.ABORTED,
                    "INVITE transaction to " + invite.requestUri() + " ended without a final response", null));
        }
    }

    /** A 2xx retransmission (through the transaction or stray after it ended): ACK it again. */
    void onRetransmitted2xx(SipResponse response) {
        SipRequest again;
        synchronized (this) {
            again = ack;
        }
        if (again != null && DialogId.ofReceivedResponse(response).equals(dialog().map(Dialog::id).orElse(null))) {
            agent.sendAck(again);
        }
    }

    private void onProvisional(SipResponse response) {
        if (response.status() > 100 && response.to().tag().isPresent()) {
            synchronized (this) {
                if (dialog().isEmpty() && state() == CallState.INITIATED) {
                    Dialog early = Dialog.createAsUac(invite, response);
                    attach(early);
                    agent.register(this, early);
                    moveTo(CallState.EARLY);
                }
            }
        }
        if (response.status() > 100) {
            progress.complete(response);
        }
    }

    private void onSuccess(SipResponse response) {
        DialogId id = DialogId.ofReceivedResponse(response);
        SipRequest toSend = null;
        boolean otherFork = false;
        Dialog forked = null;
        synchronized (this) {
            Dialog current = dialog().orElse(null);
            if (current != null && !current.id().equals(id) && ack != null) {
                otherFork = true;
            } else if (ack != null) {
                toSend = ack;
            } else if (state() != CallState.TERMINATED) {
                Dialog confirmed = current != null && current.id().equals(id) ? current : null;
                if (confirmed == null) {
                    if (current != null) {
                        agent.forgetDialog(current);
                    }
                    confirmed = Dialog.createAsUac(invite, response);
                    attach(confirmed);
                    agent.register(this, confirmed);
                } else {
                    confirmed.onResponseReceived(response);
                }
                remoteBody = response.body();
                ack = confirmed.newAck(invite.cseq().number())
                        .via(agent.config().via(SipIdGenerator.newBranch()))
                        .build();
                toSend = ack;
                moveTo(CallState.CONFIRMED);
            } else {
                otherFork = true;
            }
            if (otherFork) {
                forked = Dialog.createAsUac(invite, response);
            }
        }
        if (otherFork) {
            agent.sendAck(forked.newAck(invite.cseq().number()).via(agent.config().via(SipIdGenerator.newBranch())).build());
            sendBye(forked);
            return;
        }
        agent.sendAck(toSend);
        answered.complete(response);
    }

    private static final ClientTransactionListener IGNORE = new ClientTransactionListener() {
        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onFailure(ClientTransaction transaction, TransactionFailure failure) {
        }
    };
}
