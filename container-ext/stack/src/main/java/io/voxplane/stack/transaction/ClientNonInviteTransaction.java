package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.TransactionState.COMPLETED;
import static io.voxplane.stack.transaction.TransactionState.PROCEEDING;
import static io.voxplane.stack.transaction.TransactionState.TERMINATED;
import static io.voxplane.stack.transaction.TransactionState.TRYING;

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
 * The non-INVITE client transaction of RFC 3261 s17.1.2 (Figure 6).
 *
 * <pre>
 * TRYING     --Timer E-->  TRYING       (retransmit, E = min(2E, T2); unreliable only)
 * TRYING     --1xx-->      PROCEEDING   (response up)
 * PROCEEDING --Timer E-->  PROCEEDING   (retransmit, E = T2)
 * PROCEEDING --1xx-->      PROCEEDING   (response up)
 * TRYING|PROCEEDING --200-699--> COMPLETED (response up, Timer K: T4 UDP, 0 TCP)
 * TRYING|PROCEEDING --Timer F / transport error--> TERMINATED (TU told)
 * COMPLETED  --any response--> COMPLETED (absorbed);  --Timer K--> TERMINATED
 * </pre>
 */
public final class ClientNonInviteTransaction extends ClientTransaction {

    private static final Map<TransactionState, Set<TransactionState>> TRANSITIONS = Map.of(
            TRYING, EnumSet.of(PROCEEDING, COMPLETED, TERMINATED),
            PROCEEDING, EnumSet.of(COMPLETED, TERMINATED),
            COMPLETED, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(TransactionState.class));

    private Duration timerE;

    ClientNonInviteTransaction(TransactionLayer layer, SipRequest request, Target target, ClientTransactionListener listener) {
        super(layer, request, target, listener, TRYING);
    }

    @Override
    Set<TransactionState> successors(TransactionState from) {
        return TRANSITIONS.get(from);
    }

    @Override
    SipTimer retransmitTimer() {
        return SipTimer.E;
    }

    @Override
    void start() {
        List<Runnable> effects = new ArrayList<>(1);
        synchronized (this) {
            TransactionConfig config = layer.config();
            if (!reliable()) {
                timerE = config.t1();
                startTimer(SipTimer.E, timerE);
            }
            startTimer(SipTimer.F, config.sixtyFourT1());
            send(request(), effects);
        }
        runAll(effects);
    }

    @Override
    void receiveResponse(SipResponse response, Flow from) {
        List<Runnable> effects = new ArrayList<>(2);
        synchronized (this) {
            TransactionState state = current();
            if (state != TRYING && state != PROCEEDING) {
                return;
            }
            effects.add(() -> listener.onResponse(this, response));
            if (response.isProvisional()) {
                if (state == TRYING) {
                    transition(PROCEEDING);
                }
            } else {
                transition(COMPLETED);
                cancelTimer(SipTimer.E);
                cancelTimer(SipTimer.F);
                if (reliable()) {
                    terminate(effects);
                } else {
                    startTimer(SipTimer.K, layer.config().t4());
                }
            }
        }
        runAll(effects);
    }

    @Override
    void onTimer(SipTimer timer, List<Runnable> effects) {
        TransactionState state = current();
        switch (timer) {
            case E -> {
                if (state == TRYING || state == PROCEEDING) {
                    send(request(), effects);
                    TransactionConfig config = layer.config();
                    Duration doubled = timerE.multipliedBy(2);
                    timerE = state == PROCEEDING || doubled.compareTo(config.t2()) > 0 ? config.t2() : doubled;
                    startTimer(SipTimer.E, timerE);
                }
            }
            case F -> {
                if (state == TRYING || state == PROCEEDING) {
                    TransactionFailure failure = new TransactionFailure(TransactionFailure.Kind.TIMEOUT,
                            "no final response to " + request().method() + " " + request().requestUri()
                                    + " within Timer F", null);
                    effects.add(() -> listener.onFailure(this, failure));
                    terminate(effects);
                }
            }
            case K -> terminate(effects);
            default -> {
            }
        }
    }

    @Override
    void onTransportError(TransportException error, List<Runnable> effects) {
        TransactionState state = current();
        if (state == TRYING || state == PROCEEDING) {
            TransactionFailure failure = new TransactionFailure(TransactionFailure.Kind.TRANSPORT_ERROR,
                    "sending " + request().method() + " transaction " + key().branch(), error);
            effects.add(() -> listener.onFailure(this, failure));
            terminate(effects);
        }
    }
}
