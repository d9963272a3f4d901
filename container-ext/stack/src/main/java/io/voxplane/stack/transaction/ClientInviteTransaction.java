package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.TransactionState.ACCEPTED;
import static io.voxplane.stack.transaction.TransactionState.CALLING;
import static io.voxplane.stack.transaction.TransactionState.COMPLETED;
import static io.voxplane.stack.transaction.TransactionState.PROCEEDING;
import static io.voxplane.stack.transaction.TransactionState.TERMINATED;

import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The INVITE client transaction of RFC 3261 s17.1.1 (Figure 5) as corrected by RFC 6026 s7.2
 * (the Accepted state).
 *
 * <pre>
 * CALLING    --1xx-->            PROCEEDING   (A and B stop)
 * CALLING    --Timer A-->        CALLING      (retransmit, A doubles; unreliable only)
 * CALLING    --Timer B / transport error--> TERMINATED (TU told: timeout / transport error)
 * CALLING|PROCEEDING --300-699--> COMPLETED   (ACK sent, response up, Timer D: 32 s UDP, 0 TCP)
 * CALLING|PROCEEDING --2xx-->    ACCEPTED     (response up, Timer M = 64*T1)
 * COMPLETED  --300-699-->        COMPLETED    (ACK re-sent, absorbed)
 * ACCEPTED   --2xx-->            ACCEPTED     (passed up: the UAC core ACKs every 2xx)
 * COMPLETED  --Timer D-->        TERMINATED;  ACCEPTED --Timer M--> TERMINATED
 * </pre>
 *
 * The ACK for a non-2xx final response is built here as s17.1.1.3 says. The ACK for a 2xx is the
 * UAC core's (s13.2.2.4) and is sent outside any transaction.
 */
public final class ClientInviteTransaction extends ClientTransaction {

    private static final Map<TransactionState, Set<TransactionState>> TRANSITIONS = Map.of(
            CALLING, EnumSet.of(PROCEEDING, COMPLETED, ACCEPTED, TERMINATED),
            PROCEEDING, EnumSet.of(COMPLETED, ACCEPTED, TERMINATED),
            COMPLETED, EnumSet.of(TERMINATED),
            ACCEPTED, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(TransactionState.class));

    private Duration timerA;
    private SipRequest ack;
    private Runnable pendingCancel;

    ClientInviteTransaction(TransactionLayer layer, SipRequest request, Target target, ClientTransactionListener listener) {
        super(layer, request, target, listener, CALLING);
    }

    @Override
    Set<TransactionState> successors(TransactionState from) {
        return TRANSITIONS.get(from);
    }

    @Override
    SipTimer retransmitTimer() {
        return SipTimer.A;
    }

    @Override
    void start() {
        List<Runnable> effects = new ArrayList<>(1);
        synchronized (this) {
            TransactionConfig config = layer.config();
            if (!reliable()) {
                timerA = config.t1();
                startTimer(SipTimer.A, timerA);
            }
            startTimer(SipTimer.B, config.sixtyFourT1());
            send(request(), effects);
        }
        runAll(effects);
    }

    /**
     * The ACK this transaction sent for a non-2xx final response, or null when none was sent.
     */
    public synchronized SipRequest ack() {
        return ack;
    }

    /**
     * Arranges {@code sendCancel} to run once a provisional response has arrived (s9.1: a CANCEL
     * must not be sent before). Runs it at once when already Proceeding.
     *
     * @return false when the transaction already has a final response (nothing to cancel)
     */
    boolean whenCancellable(Runnable sendCancel) {
        synchronized (this) {
            TransactionState state = current();
            if (state == CALLING) {
                pendingCancel = sendCancel;
                return true;
            }
            if (state != PROCEEDING) {
                return false;
            }
        }
        sendCancel.run();
        return true;
    }

    @Override
    void receiveResponse(SipResponse response, Flow from) {
        List<Runnable> effects = new ArrayList<>(2);
        synchronized (this) {
            TransactionState state = current();
            if (response.isProvisional()) {
                if (state == CALLING || state == PROCEEDING) {
                    if (state == CALLING) {
                        transition(PROCEEDING);
                        cancelTimer(SipTimer.A);
                        cancelTimer(SipTimer.B);
                        if (pendingCancel != null) {
                            effects.add(pendingCancel);
                            pendingCancel = null;
                        }
                    }
                    effects.add(0, () -> listener.onResponse(this, response));
                }
            } else if (response.statusClass() == 2) {
                if (state == CALLING || state == PROCEEDING) {
                    transition(ACCEPTED);
                    cancelTimer(SipTimer.A);
                    cancelTimer(SipTimer.B);
                    pendingCancel = null;
                    startTimer(SipTimer.M, layer.config().sixtyFourT1());
                    effects.add(() -> listener.onResponse(this, response));
                } else if (state == ACCEPTED) {
                    effects.add(() -> listener.onResponse(this, response));
                }
            } else if (state == CALLING || state == PROCEEDING) {
                transition(COMPLETED);
                cancelTimer(SipTimer.A);
                cancelTimer(SipTimer.B);
                pendingCancel = null;
                ack = ackFor(request(), response);
                send(ack, effects);
                effects.add(() -> listener.onResponse(this, response));
                if (reliable()) {
                    terminate(effects);
                } else {
                    startTimer(SipTimer.D, layer.config().timerD());
                }
            } else if (state == COMPLETED && ack != null) {
                send(ack, effects);
            }
        }
        runAll(effects);
    }

    @Override
    void onTimer(SipTimer timer, List<Runnable> effects) {
        TransactionState state = current();
        switch (timer) {
            case A -> {
                if (state == CALLING) {
                    send(request(), effects);
                    timerA = timerA.multipliedBy(2);
                    startTimer(SipTimer.A, timerA);
                }
            }
            case B -> {
                if (state == CALLING) {
                    TransactionFailure failure = new TransactionFailure(TransactionFailure.Kind.TIMEOUT,
                            "no response to INVITE " + request().requestUri() + " within Timer B", null);
                    effects.add(() -> listener.onFailure(this, failure));
                    terminate(effects);
                }
            }
            case D, M -> terminate(effects);
            default -> {
            }
        }
    }

    @Override
    void onTransportError(TransportException error, List<Runnable> effects) {
        TransactionState state = current();
        if (state == CALLING || state == PROCEEDING || state == COMPLETED) {
            TransactionFailure failure = new TransactionFailure(TransactionFailure.Kind.TRANSPORT_ERROR,
                    "sending INVITE transaction " + key().branch() + " in " + state, error);
            effects.add(() -> listener.onFailure(this, failure));
            terminate(effects);
        }
    }

    /**
     * The ACK for a non-2xx final response (s17.1.1.3): Request-URI, Call-ID, From, CSeq number
     * and the single top Via of the INVITE, To of the response, the INVITE's Route headers.
     */
    public static SipRequest ackFor(SipRequest invite, SipResponse response) {
        return SipRequest.builder(SipMethod.ACK, invite.requestUri())
                .via(invite.topVia())
                .from(invite.from())
                .to(response.to())
                .callId(invite.callId())
                .cseq(new CSeq(invite.cseq().number(), SipMethod.ACK))
                .maxForwards(70)
                .routes(invite.routes())
                .build();
    }

    /**
     * The CANCEL for a request (s9.1): same Request-URI, Call-ID, To, From, CSeq number and Route
     * headers, method CANCEL, and a single Via equal to the request's top Via.
     */
    public static SipRequest cancelFor(SipRequest request) {
        return SipRequest.builder(SipMethod.CANCEL, request.requestUri())
                .via(request.topVia())
                .from(request.from())
                .to(request.to())
                .callId(request.callId())
                .cseq(new CSeq(request.cseq().number(), SipMethod.CANCEL))
                .maxForwards(70)
                .routes(request.routes())
                .build();
    }
}
