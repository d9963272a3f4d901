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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A call this UA placed (UAC, RFC 3261 s13.2). The UA ACKs every 2xx itself (s13.2.2.4), again
 * for each retransmitted 2xx; the transaction layer ACKs non-2xx final responses (s17.1.1.3).
 * A 2xx from a second fork (another To tag) is ACKed and then ended with BYE.
 */
public final class OutgoingCall extends Call implements ClientTransactionListener {

    /**
     * Provisional responses delivered to {@link #onProvisional} listeners per call. A callee sends
     * a handful (180, 183, a 180 repeated every minute while ringing, s13.3.1.1); a peer sending
     * more is not followed further, so a call holds bounded memory.
     */
    static final int MAX_KEPT_PROVISIONALS = 16;

    private final SipRequest invite;
    private final CompletableFuture<SipResponse> answered = new CompletableFuture<>();
    private final CompletableFuture<SipResponse> progress = new CompletableFuture<>();
    // provisional responses so far (replayed to a late listener), the listeners, and whether a
    // thread is delivering to them; guarded by this
    private final List<SipResponse> provisionals = new ArrayList<>();
    private final List<ProvisionalListener> provisionalListeners = new ArrayList<>();
    private boolean delivering;
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

    /**
     * Calls {@code listener} with every provisional response above 100, in the order they arrived
     * (180, then 183 with early media, ...): first those that arrived before this call, then each
     * new one. Calls are one at a time and in order, on whichever thread delivers; the first
     * {@value #MAX_KEPT_PROVISIONALS} of a call are delivered, later ones are not.
     */
    public void onProvisional(Consumer<SipResponse> listener) {
        synchronized (this) {
            provisionalListeners.add(new ProvisionalListener(listener));
        }
        deliverProvisionals();
    }

    /** Delivers kept provisionals to listeners that have not had them; one thread at a time drains. */
    private void deliverProvisionals() {
        synchronized (this) {
            if (delivering) {
                return;
            }
            delivering = true;
        }
        while (true) {
            ProvisionalListener next = null;
            SipResponse response = null;
            synchronized (this) {
                for (ProvisionalListener l : provisionalListeners) {
                    if (l.delivered < provisionals.size()) {
                        next = l;
                        response = provisionals.get(l.delivered++);
                        break;
                    }
                }
                if (next == null) {
                    delivering = false;
                    return;
                }
            }
            try {
                next.listener.accept(response);
            } catch (RuntimeException e) {
                System.getLogger(OutgoingCall.class.getName()).log(System.Logger.Level.WARNING,
                        "provisional listener of " + callId() + " failed", e);
            }
        }
    }

    /** A provisional listener and how many kept provisionals it has had; guarded by the call. */
    private static final class ProvisionalListener {
        final Consumer<SipResponse> listener;
        int delivered;

        ProvisionalListener(Consumer<SipResponse> listener) {
            this.listener = java.util.Objects.requireNonNull(listener, "listener");
        }
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
            provisionalReceived(response);
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

    private void provisionalReceived(SipResponse response) {
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
            synchronized (this) {
                if (provisionals.size() < MAX_KEPT_PROVISIONALS) {
                    provisionals.add(response);
                }
            }
            progress.complete(response);
            deliverProvisionals();
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
