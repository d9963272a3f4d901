package io.voxplane.stack.transaction;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.Target;
import java.util.List;

/**
 * A client transaction (RFC 3261 s17.1): sends a request to a target, retransmits it on
 * unreliable transports, and passes responses to its {@link ClientTransactionListener}.
 *
 * <p>Reliability is decided by the target's transport and corrected by the flow the transport
 * reports: if a large request went over TCP instead of UDP (s18.1.1), retransmission stops.
 */
public abstract sealed class ClientTransaction extends Transaction permits ClientInviteTransaction, ClientNonInviteTransaction {

    private final Target target;
    final ClientTransactionListener listener;
    private boolean reliable;
    private volatile Flow flow;

    ClientTransaction(TransactionLayer layer, SipRequest request, Target target, ClientTransactionListener listener,
                      TransactionState initial) {
        super(layer, TransactionKey.forClientRequest(request), request, initial);
        this.target = target;
        this.listener = listener;
        this.reliable = target.transport().reliable();
    }

    /** Where the request goes. */
    public final Target target() {
        return target;
    }

    /** The flow the request was last written on, or null before the first send completed. */
    public final Flow flow() {
        return flow;
    }

    /** Sends the request first and starts the timers; called once by the layer after registration. */
    abstract void start();

    /** A response matched to this transaction (s17.1.3). */
    abstract void receiveResponse(SipResponse response, Flow from);

    /** Guarded by this. */
    final boolean reliable() {
        return reliable;
    }

    /** The timer that retransmits the request: A or E. */
    abstract SipTimer retransmitTimer();

    /** Adds a send of {@code message} to the effects. */
    final void send(SipRequest message, List<Runnable> effects) {
        effects.add(() -> layer.sendRequestNow(message, target).whenComplete((used, failure) -> {
            if (failure != null) {
                sendFailed(failure);
            } else {
                flowUsed(used);
            }
        }));
    }

    private void flowUsed(Flow used) {
        flow = used;
        if (used != null && used.transport().reliable()) {
            synchronized (this) {
                if (!reliable) {
                    reliable = true;
                    cancelTimer(retransmitTimer());
                }
            }
        }
    }

    @Override
    final void notifyTerminated() {
        listener.onTerminated(this);
    }
}
