package io.voxplane.stack.ua;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.dialog.Dialog;
import io.voxplane.stack.transaction.ClientTransaction;
import io.voxplane.stack.transaction.ClientTransactionListener;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transaction.TransactionException;
import io.voxplane.stack.transaction.TransactionFailure;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One INVITE-initiated call of a {@link UserAgent} and its dialog (RFC 3261 s12, s13, s15).
 * Thread-safe; futures complete on transport or timer threads.
 */
public abstract sealed class Call permits OutgoingCall, IncomingCall {

    final UserAgent agent;
    private final String callId;
    private final CompletableFuture<CallEnd> ended = new CompletableFuture<>();
    private Dialog dialog;
    private CallState state = CallState.INITIATED;

    Call(UserAgent agent, String callId) {
        this.agent = agent;
        this.callId = callId;
    }

    public final String callId() {
        return callId;
    }

    public final synchronized CallState state() {
        return state;
    }

    /** The call's dialog once a response with a To tag was sent or received. */
    public final synchronized Optional<Dialog> dialog() {
        return Optional.ofNullable(dialog);
    }

    /** Completes when the call ends, with how. */
    public final CompletableFuture<CallEnd> ended() {
        return ended;
    }

    /** The session description the peer sent (INVITE body for a UAS, 2xx body for a UAC); empty when none. */
    public abstract byte[] remoteBody();

    /**
     * Ends a confirmed call with BYE (s15.1.1); the call has ended before the BYE leaves, so a
     * peer holding the BYE (or its 200) never finds it active here. {@link OutgoingCall} cancels
     * an unanswered call instead.
     *
     * @return the BYE's final response, or a failure (CallFailedException) on timeout / transport error
     * @throws UserAgentException {@code VXUA-002} when the call is not confirmed
     */
    public CompletableFuture<SipResponse> hangup() {
        Dialog confirmed;
        synchronized (this) {
            if (state != CallState.CONFIRMED || dialog == null) {
                throw new UserAgentException(UserAgentException.WRONG_STATE, "cannot hang up call " + callId + " in " + state);
            }
            confirmed = dialog;
        }
        SipRequest bye = newBye(confirmed);
        end(new CallEnd(CallEnd.Reason.LOCAL_BYE, 0));
        return sendBye(bye);
    }

    final CompletableFuture<SipResponse> sendBye(Dialog target) {
        return sendBye(newBye(target));
    }

    /** A BYE inside {@code target}, built while it is still alive (the call may end before it is sent). */
    final SipRequest newBye(Dialog target) {
        return target.newRequest(SipMethod.BYE)
                .via(agent.config().via(SipIdGenerator.newBranch()))
                .build();
    }

    /** Sends {@code bye} in a new client transaction: its final response, or a CallFailedException. */
    final CompletableFuture<SipResponse> sendBye(SipRequest bye) {
        CompletableFuture<SipResponse> result = new CompletableFuture<>();
        try {
            agent.transactions().sendRequest(bye, agent.targetFor(bye), new ClientTransactionListener() {
                @Override
                public void onResponse(ClientTransaction transaction, SipResponse response) {
                    if (response.isFinal()) {
                        result.complete(response);
                    }
                }

                @Override
                public void onFailure(ClientTransaction transaction, TransactionFailure failure) {
                    result.completeExceptionally(new CallFailedException(failure.impliedStatus(), failure.errorCode(),
                            failure.toString(), null));
                }
            });
        } catch (TransactionException | UserAgentException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    final synchronized void attach(Dialog value) {
        dialog = value;
    }

    final synchronized void moveTo(CallState next) {
        if (state != CallState.TERMINATED) {
            state = next;
        }
    }

    /** Ends the call once: terminates and removes the dialog, completes {@link #ended()}. */
    final void end(CallEnd how) {
        Dialog ending;
        synchronized (this) {
            if (state == CallState.TERMINATED) {
                return;
            }
            state = CallState.TERMINATED;
            ending = dialog;
        }
        onEnded();
        if (ending != null) {
            agent.forget(this, ending);
        }
        ended.complete(how);
    }

    /** Hook for subclasses to stop their timers. */
    void onEnded() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + callId + " " + state() + "]";
    }
}
