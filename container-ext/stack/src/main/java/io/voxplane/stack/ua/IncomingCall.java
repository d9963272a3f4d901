package io.voxplane.stack.ua;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.dialog.Dialog;
import io.voxplane.stack.timer.TimerHandle;
import io.voxplane.stack.transaction.ServerInviteTransaction;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transaction.TransactionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A call this UA received (UAS, RFC 3261 s13.3). The application answers with
 * {@link #ringing()} / {@link #provisional(int)}, then {@link #answer} or {@link #reject}.
 *
 * <p>After a 2xx the UA core retransmits it (T1 doubling to T2, unreliable transports only) until
 * the ACK arrives; with no ACK within 64*T1 it sends BYE and the call ends with
 * {@link CallEnd.Reason#NO_ACK} (s13.3.1.4).
 */
public final class IncomingCall extends Call {

    private final SipRequest invite;
    private final ServerInviteTransaction transaction;
    private final String localTag = SipIdGenerator.newTag();
    private final CompletableFuture<SipRequest> acknowledged = new CompletableFuture<>();
    private SipResponse answer;
    private byte[] localBody = new byte[0];
    private String localContentType;
    private TimerHandle retransmit;
    private TimerHandle giveUp;
    private Duration interval;
    // the latest 2xx to a re-INVITE, retransmitted until its ACK (s13.3.1.4)
    private SipResponse reAnswer;
    private ServerInviteTransaction reTransaction;
    private Duration reInterval;
    private TimerHandle reRetransmit;
    private TimerHandle reGiveUp;

    IncomingCall(UserAgent agent, SipRequest invite, ServerInviteTransaction transaction) {
        super(agent, invite.callId());
        this.invite = invite;
        this.transaction = transaction;
    }

    /** The INVITE. */
    public SipRequest invite() {
        return invite;
    }

    @Override
    public byte[] remoteBody() {
        return invite.body();
    }

    /** Completes with the ACK for the 2xx. */
    public CompletableFuture<SipRequest> acknowledged() {
        return acknowledged;
    }

    /** Sends 180 Ringing (creates the early dialog). */
    public void ringing() {
        provisional(180);
    }

    /**
     * Sends a provisional response 101-199 with this UA's To tag and Contact (creates the early
     * dialog, s12.1.1).
     *
     * @throws UserAgentException {@code VXUA-002} after a final response or when the call ended
     */
    public void provisional(int status) {
        provisional(status, null, null);
    }

    /**
     * Sends a provisional response 101-199 carrying {@code body} (e.g. 183 Session Progress with
     * the SDP of early media, RFC 3960), with this UA's To tag and Contact. Without reliable
     * provisionals (RFC 3262) the SDP is a preview: the 2xx must carry the same answer (RFC 3264
     * s4 and RFC 6337 s3.1.1). An empty or null body sends none.
     *
     * @throws UserAgentException {@code VXUA-002} after a final response or when the call ended
     */
    public void provisional(int status, String contentType, byte[] body) {
        if (status <= 100 || status > 199) {
            throw new IllegalArgumentException("not a dialog-creating provisional status: " + status);
        }
        SipResponse.Builder builder = reply(status).contact(agent.config().contact());
        if (body != null && body.length > 0) {
            builder.body(contentType == null ? "application/sdp" : contentType, body);
        }
        SipResponse response = builder.build();
        synchronized (this) {
            requireUnanswered();
            ensureDialog(response);
            moveTo(CallState.EARLY);
        }
        send(response);
    }

    /**
     * Accepts the call with 200 OK carrying {@code body} (an SDP answer) and this UA's Contact.
     *
     * @throws UserAgentException {@code VXUA-002} after a final response or when the call ended
     */
    public void answer(String contentType, byte[] body) {
        SipResponse.Builder builder = newResponse(200).contact(agent.config().contact());
        if (body != null && body.length > 0) {
            builder.body(contentType, body);
        }
        answer(builder.build());
    }

    /**
     * Accepts the call with {@code ok}, a 2xx the caller built from {@link #newResponse(int)} with
     * its own Contact, headers and body (e.g. a container adding an app's headers).
     *
     * @throws IllegalArgumentException when {@code ok} is not a 2xx with this call's To tag and a Contact
     * @throws UserAgentException {@code VXUA-002} after a final response or when the call ended
     */
    public void answer(SipResponse ok) {
        if (ok.statusClass() != 2 || !ok.to().tag().equals(java.util.Optional.of(localTag)) || ok.contacts().isEmpty()) {
            throw new IllegalArgumentException("not a 2xx from newResponse with a Contact: " + ok.status());
        }
        synchronized (this) {
            requireUnanswered();
            answer = ok;
            localBody = ok.body();
            localContentType = ok.contentType().orElse(null);
            ensureDialog(ok).onResponseSent(ok);
            moveTo(CallState.CONFIRMED);
            if (!transaction.flow().transport().reliable()) {
                interval = agent.config().transactions().t1();
                retransmit = agent.timers().schedule(interval, this::retransmitAnswer);
            }
            giveUp = agent.timers().schedule(agent.config().transactions().sixtyFourT1(), this::noAck);
        }
        send(ok);
        agent.answered(transaction);
    }

    /**
     * Sends {@code ok}, a 2xx to a re-INVITE inside this call's dialog, on {@code reInvite} and
     * retransmits it (T1 doubling to T2, unreliable transports only) until the ACK with its CSeq
     * arrives or 64*T1 passed (s13.3.1.4, which applies to every INVITE a UAS accepts). A newer
     * re-INVITE's answer replaces the pending one.
     */
    public void answerReInvite(ServerInviteTransaction reInvite, SipResponse ok) {
        if (ok.statusClass() != 2) {
            throw new IllegalArgumentException("not a 2xx: " + ok.status());
        }
        synchronized (this) {
            stopReAnswer();
            if (state() != CallState.TERMINATED) {
                reAnswer = ok;
                reTransaction = reInvite;
                if (!reInvite.flow().transport().reliable()) {
                    reInterval = agent.config().transactions().t1();
                    reRetransmit = agent.timers().schedule(reInterval, this::retransmitReAnswer);
                }
                reGiveUp = agent.timers().schedule(agent.config().transactions().sixtyFourT1(), this::giveUpReAnswer);
            }
        }
        reInvite.respond(ok);
    }

    /** A response to the INVITE with this call's To tag (the caller adds Contact, headers, body). */
    public SipResponse.Builder newResponse(int status) {
        return reply(status);
    }

    /**
     * Rejects the call with a final status 300-699 (s13.3.1.3 and others).
     *
     * @throws UserAgentException {@code VXUA-002} after a final response or when the call ended
     */
    public void reject(int status) {
        if (status < 300 || status > 699) {
            throw new IllegalArgumentException("not a rejecting status: " + status);
        }
        SipResponse response = reply(status).build();
        synchronized (this) {
            requireUnanswered();
            dialog().ifPresent(d -> d.onResponseSent(response));
        }
        send(response);
        agent.answered(transaction);
        end(new CallEnd(CallEnd.Reason.REJECTED, status));
    }

    /** The body of this UA's 2xx (answers re-INVITEs with the same session). */
    synchronized byte[] localBody() {
        return localBody;
    }

    synchronized String localContentType() {
        return localContentType;
    }

    void onAck(SipRequest ack) {
        synchronized (this) {
            cancelTimers();
            if (reAnswer != null && ack.cseq().number() == reAnswer.cseq().number()) {
                stopReAnswer();
            }
        }
        acknowledged.complete(ack);
    }

    void onCancelled() {
        end(new CallEnd(CallEnd.Reason.CANCELLED, 487));
    }

    void onTransactionFailed(int impliedStatus) {
        if (state() != CallState.CONFIRMED) {
            end(new CallEnd(CallEnd.Reason.FAILED, impliedStatus));
        }
    }

    @Override
    synchronized void onEnded() {
        cancelTimers();
        stopReAnswer();
    }

    private void retransmitReAnswer() {
        SipResponse ok;
        ServerInviteTransaction target;
        synchronized (this) {
            if (reRetransmit == null || reAnswer == null) {
                return;
            }
            ok = reAnswer;
            target = reTransaction;
            Duration doubled = reInterval.multipliedBy(2);
            Duration t2 = agent.config().transactions().t2();
            reInterval = doubled.compareTo(t2) > 0 ? t2 : doubled;
            reRetransmit = agent.timers().schedule(reInterval, this::retransmitReAnswer);
        }
        try {
            target.respond(ok);
        } catch (TransactionException gone) {
            // Timer L ended the transaction: nothing more to retransmit through
            synchronized (this) {
                stopReAnswer();
            }
        }
    }

    private synchronized void giveUpReAnswer() {
        reGiveUp = null;
        stopReAnswer();
    }

    private void stopReAnswer() {
        if (reRetransmit != null) {
            reRetransmit.cancel();
            reRetransmit = null;
        }
        if (reGiveUp != null) {
            reGiveUp.cancel();
            reGiveUp = null;
        }
        reAnswer = null;
        reTransaction = null;
    }

    private void retransmitAnswer() {
        SipResponse ok;
        synchronized (this) {
            if (retransmit == null || acknowledged.isDone()) {
                return;
            }
            ok = answer;
            Duration doubled = interval.multipliedBy(2);
            Duration t2 = agent.config().transactions().t2();
            interval = doubled.compareTo(t2) > 0 ? t2 : doubled;
            retransmit = agent.timers().schedule(interval, this::retransmitAnswer);
        }
        try {
            transaction.respond(ok);
        } catch (TransactionException gone) {
            // Timer L ended the transaction: nothing more to retransmit through
            synchronized (this) {
                cancelTimers();
            }
        }
    }

    private void noAck() {
        Dialog confirmed;
        synchronized (this) {
            giveUp = null;
            if (acknowledged.isDone() || state() != CallState.CONFIRMED) {
                return;
            }
            cancelTimers();
            confirmed = dialog().orElse(null);
        }
        // Ended before the BYE leaves, as in hangup().
        SipRequest bye = confirmed != null ? newBye(confirmed) : null;
        end(new CallEnd(CallEnd.Reason.NO_ACK, 408));
        if (bye != null) {
            sendBye(bye);
        }
    }

    private void cancelTimers() {
        if (retransmit != null) {
            retransmit.cancel();
            retransmit = null;
        }
        if (giveUp != null) {
            giveUp.cancel();
            giveUp = null;
        }
    }

    private Dialog ensureDialog(SipResponse response) {
        Dialog existing = dialog().orElse(null);
        if (existing != null) {
            return existing;
        }
        Dialog created = Dialog.createAsUas(invite, response);
        attach(created);
        agent.register(this, created);
        return created;
    }

    private void requireUnanswered() {
        if (answer != null || transaction.hasFinalResponse() || state() == CallState.TERMINATED) {
            throw new UserAgentException(UserAgentException.WRONG_STATE, "call " + callId() + " already has a final response");
        }
    }

    private SipResponse.Builder reply(int status) {
        return SipResponse.replyTo(invite, status).to(invite.to().withTag(localTag));
    }

    private void send(SipResponse response) {
        try {
            transaction.respond(response);
        } catch (TransactionException raced) {
            // a CANCEL's 487 or a transport error got there first; the call end says which
            throw new UserAgentException(UserAgentException.WRONG_STATE, raced.getMessage());
        }
    }
}
