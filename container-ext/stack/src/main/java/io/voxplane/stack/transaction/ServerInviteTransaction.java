package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.TransactionState.ACCEPTED;
import static io.voxplane.stack.transaction.TransactionState.COMPLETED;
import static io.voxplane.stack.transaction.TransactionState.CONFIRMED;
import static io.voxplane.stack.transaction.TransactionState.PROCEEDING;
import static io.voxplane.stack.transaction.TransactionState.TERMINATED;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The INVITE server transaction of RFC 3261 s17.2.1 (Figure 7) as corrected by RFC 6026 s7.1
 * (the Accepted state).
 *
 * <pre>
 * PROCEEDING --no TU answer in 200 ms--> PROCEEDING (100 Trying sent)
 * PROCEEDING --1xx from TU-->   PROCEEDING  (sent)
 * PROCEEDING --INVITE retransmit--> PROCEEDING (last provisional re-sent)
 * PROCEEDING --2xx from TU-->   ACCEPTED    (sent, Timer L = 64*T1)
 * PROCEEDING --300-699 from TU--> COMPLETED (sent, Timer G = T1 (UDP only), Timer H = 64*T1)
 * PROCEEDING --transport error--> TERMINATED (TU told)
 * COMPLETED  --INVITE retransmit / Timer G--> COMPLETED (final re-sent, G = min(2G, T2))
 * COMPLETED  --ACK-->           CONFIRMED   (Timer I: T4 UDP, 0 TCP)
 * COMPLETED  --Timer H / transport error--> TERMINATED (TU told)
 * CONFIRMED  --ACK-->           CONFIRMED   (absorbed);  --Timer I--> TERMINATED
 * ACCEPTED   --2xx from TU-->   ACCEPTED    (sent: the UAS core retransmits its 2xx, s13.3.1.4)
 * ACCEPTED   --INVITE retransmit--> ACCEPTED (absorbed)
 * ACCEPTED   --ACK-->           ACCEPTED    (passed to the TU)
 * ACCEPTED   --Timer L-->       TERMINATED
 * </pre>
 *
 * CANCEL handling (s9.2) lives in the layer and the TU; {@link #respondRequestTerminated()} is
 * the hook that answers 487 to the INVITE.
 */
public final class ServerInviteTransaction extends ServerTransaction {

    private static final Map<TransactionState, Set<TransactionState>> TRANSITIONS = Map.of(
            PROCEEDING, EnumSet.of(COMPLETED, ACCEPTED, TERMINATED),
            COMPLETED, EnumSet.of(CONFIRMED, TERMINATED),
            CONFIRMED, EnumSet.of(TERMINATED),
            ACCEPTED, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(TransactionState.class));

    private Duration timerG;
    private boolean cancelled;

    ServerInviteTransaction(TransactionLayer layer, TransactionKey key, SipRequest request, Flow flow) {
        super(layer, key, request, flow, PROCEEDING);
    }

    @Override
    Set<TransactionState> successors(TransactionState from) {
        return TRANSITIONS.get(from);
    }

    @Override
    void start() {
        synchronized (this) {
            if (current() == PROCEEDING && lastResponse() == null) {
                startTimer(SipTimer.TRYING, layer.config().tryingDelay());
            }
        }
    }

    /** True once a CANCEL for this INVITE was received. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    synchronized void markCancelled() {
        cancelled = true;
    }

    /**
     * The To tag of the responses sent so far, or null when none carried one. A CANCEL's 200 and
     * a 487 reuse it (s9.2).
     */
    public synchronized String toTag() {
        return rememberedToTag();
    }

    @Override
    public void respond(SipResponse response) {
        checkBelongs(response);
        List<Runnable> effects = new ArrayList<>(2);
        synchronized (this) {
            TransactionState state = current();
            if (state == ACCEPTED && response.statusClass() == 2) {
                send(response, effects);
            } else if (state != PROCEEDING) {
                throw notAllowed(response, state);
            } else {
                cancelTimer(SipTimer.TRYING);
                if (response.statusClass() == 2) {
                    // the UAS core, not this machine, retransmits a 2xx (s13.3.1.4): keep no copy
                    sendFinal(response, false, effects);
                    transition(ACCEPTED);
                    startTimer(SipTimer.L, layer.config().sixtyFourT1());
                } else if (response.isFinal()) {
                    sendFinal(response, true, effects);
                    transition(COMPLETED);
                    if (!reliable()) {
                        timerG = layer.config().t1();
                        startTimer(SipTimer.G, timerG);
                    }
                    startTimer(SipTimer.H, layer.config().sixtyFourT1());
                } else {
                    remember(response);
                    send(response, effects);
                }
            }
        }
        runAll(effects);
    }

    /**
     * Answers 487 Request Terminated if no final response was sent yet (s9.2), with the To tag of
     * earlier responses or a new one.
     *
     * @return true when the 487 was sent
     */
    public boolean respondRequestTerminated() {
        SipResponse response;
        synchronized (this) {
            if (current() != PROCEEDING) {
                return false;
            }
            String tag = toTag();
            response = SipResponse.replyTo(request(), 487)
                    .to(request().to().withTag(tag != null ? tag : SipIdGenerator.newTag()))
                    .build();
        }
        try {
            respond(response);
            return true;
        } catch (TransactionException raced) {
            // the TU sent its own final response between the check and the send
            return false;
        }
    }

    /**
     * For the RFC 2543 fallback the ACK must also carry the To tag this transaction answered with;
     * otherwise it acknowledges a 2xx of a dialog and goes to the TU.
     */
    boolean acknowledges(SipRequest ack) {
        if (!key().isRfc2543()) {
            return true;
        }
        String tag = toTag();
        return tag != null && tag.equals(ack.to().tag().orElse(null));
    }

    @Override
    void receiveRequest(SipRequest request, Flow from) {
        List<Runnable> effects = new ArrayList<>(1);
        synchronized (this) {
            TransactionState state = current();
            if (request.isAck()) {
                if (state == COMPLETED) {
                    transition(CONFIRMED);
                    cancelTimer(SipTimer.G);
                    cancelTimer(SipTimer.H);
                    if (reliable()) {
                        terminate(effects);
                    } else {
                        startTimer(SipTimer.I, layer.config().t4());
                    }
                } else if (state == ACCEPTED) {
                    effects.add(() -> layer.user().onAck(request, from));
                }
            } else if (state == PROCEEDING && hasProvisional()) {
                send(lastResponse(), effects);
            } else if (state == COMPLETED) {
                resendFinal(effects);
            }
        }
        runAll(effects);
    }

    @Override
    void onTimer(SipTimer timer, List<Runnable> effects) {
        TransactionState state = current();
        switch (timer) {
            case TRYING -> {
                if (state == PROCEEDING && lastResponse() == null) {
                    SipResponse trying = SipResponse.replyTo(request(), 100).build();
                    remember(trying);
                    send(trying, effects);
                }
            }
            case G -> {
                if (state == COMPLETED) {
                    resendFinal(effects);
                    Duration doubled = timerG.multipliedBy(2);
                    timerG = doubled.compareTo(layer.config().t2()) > 0 ? layer.config().t2() : doubled;
                    startTimer(SipTimer.G, timerG);
                }
            }
            case H -> {
                if (state == COMPLETED) {
                    reportFailure(new TransactionFailure(TransactionFailure.Kind.NO_ACK,
                            "no ACK for " + finalStatus() + " to INVITE " + key().branch() + " within Timer H",
                            null), effects);
                    terminate(effects);
                }
            }
            case I, L -> terminate(effects);
            default -> {
            }
        }
    }

    @Override
    void onTransportError(TransportException error, List<Runnable> effects) {
        TransactionState state = current();
        reportFailure(new TransactionFailure(TransactionFailure.Kind.TRANSPORT_ERROR,
                "sending response to INVITE " + key().branch() + " in " + state, error), effects);
        if (state == PROCEEDING || state == COMPLETED) {
            terminate(effects);
        }
    }
}
