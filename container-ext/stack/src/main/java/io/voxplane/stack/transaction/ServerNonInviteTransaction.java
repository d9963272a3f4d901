package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.TransactionState.COMPLETED;
import static io.voxplane.stack.transaction.TransactionState.PROCEEDING;
import static io.voxplane.stack.transaction.TransactionState.TERMINATED;
import static io.voxplane.stack.transaction.TransactionState.TRYING;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.TransportException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The non-INVITE server transaction of RFC 3261 s17.2.2 (Figure 8).
 *
 * <pre>
 * TRYING     --request retransmit--> TRYING      (absorbed)
 * TRYING|PROCEEDING --1xx from TU--> PROCEEDING  (sent)
 * PROCEEDING --request retransmit--> PROCEEDING  (last provisional re-sent)
 * TRYING|PROCEEDING --200-699 from TU--> COMPLETED (sent, Timer J: 64*T1 UDP, 0 TCP)
 * COMPLETED  --request retransmit--> COMPLETED   (final re-sent)
 * COMPLETED  --Timer J--> TERMINATED;  any --transport error--> TERMINATED (TU told)
 * TRYING|PROCEEDING --no final response from the TU within 64*T1--> TERMINATED (TU told, VXTXN-010)
 * </pre>
 */
public final class ServerNonInviteTransaction extends ServerTransaction {

    private static final Map<TransactionState, Set<TransactionState>> TRANSITIONS = Map.of(
            TRYING, EnumSet.of(PROCEEDING, COMPLETED, TERMINATED),
            PROCEEDING, EnumSet.of(COMPLETED, TERMINATED),
            COMPLETED, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(TransactionState.class));

    ServerNonInviteTransaction(TransactionLayer layer, TransactionKey key, SipRequest request, Flow flow) {
        super(layer, key, request, flow, TRYING);
    }

    @Override
    Set<TransactionState> successors(TransactionState from) {
        return TRANSITIONS.get(from);
    }

    @Override
    void start() {
        synchronized (this) {
            if (current() == TRYING || current() == PROCEEDING) {
                startTimer(SipTimer.UNANSWERED, layer.config().sixtyFourT1());
            }
        }
    }

    @Override
    public void respond(SipResponse response) {
        checkBelongs(response);
        List<Runnable> effects = new ArrayList<>(2);
        synchronized (this) {
            TransactionState state = current();
            if (state != TRYING && state != PROCEEDING) {
                throw notAllowed(response, state);
            }
            if (response.isProvisional()) {
                remember(response);
                send(response, effects);
                if (state == TRYING) {
                    transition(PROCEEDING);
                }
            } else {
                // over UDP the final response is re-sent to each retransmitted request (Timer J)
                sendFinal(response, !reliable(), effects);
                transition(COMPLETED);
                cancelTimer(SipTimer.UNANSWERED);
                if (reliable()) {
                    terminate(effects);
                } else {
                    startTimer(SipTimer.J, layer.config().sixtyFourT1());
                }
            }
        }
        runAll(effects);
    }

    @Override
    void receiveRequest(SipRequest request, Flow from) {
        List<Runnable> effects = new ArrayList<>(1);
        synchronized (this) {
            TransactionState state = current();
            if (state == PROCEEDING && hasProvisional()) {
                send(lastResponse(), effects);
            } else if (state == COMPLETED) {
                resendFinal(effects);
            }
        }
        runAll(effects);
    }

    @Override
    void onTimer(SipTimer timer, List<Runnable> effects) {
        if (timer == SipTimer.J) {
            terminate(effects);
        } else if (timer == SipTimer.UNANSWERED && current() != COMPLETED) {
            reportFailure(new TransactionFailure(TransactionFailure.Kind.UNANSWERED, "no final response to "
                    + method() + " " + key().branch() + " from the TU within 64*T1", null), effects);
            terminate(effects);
        }
    }

    @Override
    void onTransportError(TransportException error, List<Runnable> effects) {
        reportFailure(new TransactionFailure(TransactionFailure.Kind.TRANSPORT_ERROR,
                "sending response to " + method() + " " + key().branch() + " in " + current(), error), effects);
        terminate(effects);
    }
}
