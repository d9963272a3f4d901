package io.voxplane.stack.b2bua;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.proxy.SerialMailbox;
import io.voxplane.stack.transaction.TransactionException;
import io.voxplane.stack.ua.CallEnd;
import io.voxplane.stack.ua.CallFailedException;
import io.voxplane.stack.ua.CallState;
import io.voxplane.stack.ua.IncomingCall;
import io.voxplane.stack.ua.OutgoingCall;
import io.voxplane.stack.ua.UserAgent;
import io.voxplane.stack.ua.UserAgentException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two calls bridged as one (a back-to-back user agent, RFC 3261 s6 "B2BUA" and RFC 7092): the
 * incoming call A (this side is its UAS) and the outgoing call B (this side is its UAC), each a
 * full dialog of the stack's {@link UserAgent}.
 *
 * <ul>
 * <li>every provisional response of B above 100 is relayed to A, in order, with the same status
 * and body (180 Ringing, 183 Session Progress with early-media SDP, RFC 3960), until A is
 * answered;</li>
 * <li>B's 2xx answers A with B's session description; each leg gets its own ACK (the UA ACKs B's
 * 2xx itself; A's ACK ends A's 2xx retransmissions);</li>
 * <li>B's failure (a final non-2xx, or the implied 408/503) is A's final response;</li>
 * <li>CANCEL from A cancels B; a B answer that crosses A's CANCEL is hung up at once;</li>
 * <li>BYE from either side is answered by that side's UA and a BYE goes to the other.</li>
 * </ul>
 *
 * <p>Threading: the legs' events (futures completing on transport and timer threads) run one at a
 * time in a {@link SerialMailbox}. {@link #ended()} completes once with the first reason.
 */
public final class B2buaCall {

    private static final System.Logger LOG = System.getLogger(B2buaCall.class.getName());

    private final IncomingCall aLeg;
    private final SerialMailbox mailbox = new SerialMailbox();
    private final CompletableFuture<B2buaCallEnd> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    // the BYE / CANCEL outcomes this call started, confined to the mailbox
    private final java.util.List<CompletableFuture<?>> hangups = new java.util.ArrayList<>();
    private volatile OutgoingCall bLeg;
    private volatile B2buaCallState state = B2buaCallState.CALLING;
    // confined to the mailbox
    private B2buaCallEnd firstEnd;
    private boolean aEnded;
    private boolean bEnded;

    B2buaCall(IncomingCall aLeg) {
        this.aLeg = aLeg;
    }

    /**
     * Bridges {@code aLeg}, an INVITE the caller adopted on {@code agent}
     * ({@link UserAgent#adopt}), to {@code route}, as a {@link B2bua} core does for its own calls:
     * for a container that picks the callee per call itself. The caller hands the agent's
     * transaction user the legs' messages.
     */
    public static B2buaCall bridge(UserAgent agent, IncomingCall aLeg, B2buaRoute route) {
        B2buaCall call = new B2buaCall(java.util.Objects.requireNonNull(aLeg, "aLeg"));
        call.start(java.util.Objects.requireNonNull(agent, "agent"), java.util.Objects.requireNonNull(route, "route"));
        return call;
    }

    public IncomingCall aLeg() {
        return aLeg;
    }

    /** The outgoing leg, or null when the router rejected the call or the INVITE could not be sent. */
    public OutgoingCall bLeg() {
        return bLeg;
    }

    public B2buaCallState state() {
        return state;
    }

    /** Completes when both legs are over, with why the call ended. */
    public CompletableFuture<B2buaCallEnd> ended() {
        return ended;
    }

    /**
     * Completes after {@link #ended()} once every BYE (and CANCEL) this call sent has its final
     * response or failed: for a graceful shutdown that waits for the peers. Never exceptionally.
     */
    public CompletableFuture<Void> settled() {
        return settled;
    }

    /** Ends the call from here: BYE to answered legs, CANCEL to an unanswered B, 487 to an unanswered A. */
    public void hangup() {
        mailbox.execute(() -> {
            noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.HUNG_UP_HERE, 0));
            endA(487);
            endB();
        });
    }

    /** Places the B leg and links the two legs' events; called once by the {@link B2bua}. */
    void start(UserAgent agent, B2buaRoute route) {
        aLeg.ended().thenAccept(end -> mailbox.execute(() -> onAEnded(end)));
        if (route.rejects()) {
            mailbox.execute(() -> {
                noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.REJECTED, route.rejectStatus()));
                bEnded = true;
                endA(route.rejectStatus());
            });
            return;
        }
        Address from = Address.of(aLeg.invite().from().displayName(), aLeg.invite().from().uri());
        OutgoingCall outgoing;
        try {
            outgoing = agent.call(from, route.to(), route.nextHop(),
                    aLeg.invite().contentType().orElse(null), aLeg.invite().body());
        } catch (TransactionException | UserAgentException refused) {
            LOG.log(System.Logger.Level.WARNING, "B leg for " + aLeg.callId() + " not placed: " + refused.getMessage());
            mailbox.execute(() -> {
                noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.CALLEE_FAILED, 503));
                bEnded = true;
                endA(503);
            });
            return;
        }
        bLeg = outgoing;
        outgoing.onProvisional(provisional -> mailbox.execute(() -> onBProgress(provisional)));
        outgoing.answered().whenComplete((ok, failure) -> mailbox.execute(() -> onBAnswered(ok, failure)));
        outgoing.ended().thenAccept(end -> mailbox.execute(() -> onBEnded(end)));
    }

    private void onBProgress(SipResponse provisional) {
        if (aLeg.state() == CallState.TERMINATED || state == B2buaCallState.CONNECTED
                || state == B2buaCallState.ENDED) {
            return;
        }
        try {
            aLeg.provisional(provisional.status(), provisional.contentType().orElse(null), provisional.body());
            state = B2buaCallState.EARLY;
        } catch (UserAgentException late) {
            // A was answered or ended in the meantime: nothing to relay
        }
    }

    private void onBAnswered(SipResponse ok, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            int status = cause instanceof CallFailedException failed ? failed.status() : 500;
            noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.CALLEE_FAILED, status));
            endA(status == 487 ? 487 : Math.max(300, status));
            return;
        }
        if (aLeg.state() == CallState.TERMINATED) {
            endB();
            return;
        }
        try {
            aLeg.answer(ok.contentType().orElse("application/sdp"), ok.body());
            state = B2buaCallState.CONNECTED;
        } catch (UserAgentException late) {
            endB();
        }
    }

    private void onAEnded(CallEnd end) {
        aEnded = true;
        switch (end.reason()) {
            case CANCELLED -> noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.CALLER_CANCELLED, 487));
            case REMOTE_BYE -> noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.CALLER_HUNG_UP, 0));
            case FAILED, NO_ACK -> noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.FAILED, end.status()));
            default -> {
                // LOCAL_BYE and REJECTED are this call's own doing: the reason is already noted
            }
        }
        endB();
        finishIfBothEnded();
    }

    private void onBEnded(CallEnd end) {
        bEnded = true;
        if (end.reason() == CallEnd.Reason.REMOTE_BYE) {
            noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.CALLEE_HUNG_UP, 0));
        } else if (end.reason() == CallEnd.Reason.NO_ACK || end.reason() == CallEnd.Reason.FAILED) {
            noteEnd(new B2buaCallEnd(B2buaCallEnd.Reason.FAILED, end.status()));
        }
        if (aLeg.state() == CallState.CONFIRMED) {
            endA(0);
        }
        finishIfBothEnded();
    }

    /** Ends A: BYE when answered, else a final status (487 when nothing better is known). */
    private void endA(int status) {
        CallState a = aLeg.state();
        try {
            if (a == CallState.CONFIRMED) {
                hangups.add(aLeg.hangup());
            } else if (a != CallState.TERMINATED) {
                aLeg.reject(status >= 300 ? status : 487);
            }
        } catch (UserAgentException raced) {
            LOG.log(System.Logger.Level.DEBUG, "A leg of " + aLeg.callId() + " already ending: " + raced.getMessage());
        }
    }

    private void endB() {
        OutgoingCall b = bLeg;
        if (b == null || b.state() == CallState.TERMINATED) {
            return;
        }
        try {
            hangups.add(b.hangup());
        } catch (UserAgentException raced) {
            LOG.log(System.Logger.Level.DEBUG, "B leg of " + aLeg.callId() + " already ending: " + raced.getMessage());
        }
    }

    private void noteEnd(B2buaCallEnd end) {
        if (firstEnd == null) {
            firstEnd = end;
        }
    }

    private void finishIfBothEnded() {
        if (aEnded && (bEnded || bLeg == null)) {
            state = B2buaCallState.ENDED;
            ended.complete(firstEnd != null ? firstEnd : new B2buaCallEnd(B2buaCallEnd.Reason.FAILED, 0));
            CompletableFuture.allOf(hangups.toArray(CompletableFuture[]::new))
                    .whenComplete((done, failure) -> settled.complete(null));
        }
    }

    @Override
    public String toString() {
        return "B2buaCall[" + aLeg.callId() + " " + state + "]";
    }
}
