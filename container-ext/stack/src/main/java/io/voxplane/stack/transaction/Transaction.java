package io.voxplane.stack.transaction;

import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.timer.TimerHandle;
import io.voxplane.stack.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * What the four RFC 3261 s17 transaction machines share: the request, the key, the state with
 * its transition table, and the named timers.
 *
 * <p>Concurrency: every input (message, TU call, timer) takes the transaction's monitor, moves
 * the state and collects its effects (sends, TU notifications) in a list that runs after the
 * monitor is released. So a TU called back may use any transaction without lock-order risks,
 * and a transport that completes a send future on the calling thread cannot re-enter a
 * half-updated machine.
 *
 * <p>Every timer is cancelled when the transaction terminates, and the transaction leaves the
 * layer's table at that moment.
 *
 * <p>Memory: a transaction may stay in the table for 64*T1 (32 s) after its work is done, only
 * to absorb retransmissions (Completed, Confirmed, Accepted). A server transaction entering such
 * a state {@linkplain #releaseRequest() drops its parsed request}; what it still needs (key,
 * Call-ID, CSeq, method) is kept apart, so a busy server does not hold 32 s of parsed messages.
 */
public abstract sealed class Transaction permits ClientTransaction, ServerTransaction {

    final TransactionLayer layer;
    private final TransactionKey key;
    private final String method;
    private final String callId;
    private final CSeq cseq;
    private volatile SipRequest request;
    private final Map<SipTimer, TimerHandle> timers = new EnumMap<>(SipTimer.class);
    private TransactionState state;

    Transaction(TransactionLayer layer, TransactionKey key, SipRequest request, TransactionState initial) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.method = request.method();
        this.callId = request.callId();
        this.cseq = request.cseq();
        this.state = initial;
    }

    /** The current state. */
    public final synchronized TransactionState state() {
        return state;
    }

    /**
     * The request that created the transaction (the first copy received, for a server
     * transaction); null once a server transaction only absorbs retransmissions (after its final
     * response), which no longer needs it. Use {@link #method()}, {@link #callId()} and
     * {@link #cseq()} for what stays known.
     */
    public final SipRequest request() {
        return request;
    }

    /** The request's method. */
    public final String method() {
        return method;
    }

    /** The request's Call-ID. */
    public final String callId() {
        return callId;
    }

    /** The request's CSeq. */
    public final CSeq cseq() {
        return cseq;
    }

    /** Forgets the parsed request once nothing in the machine reads it any more. */
    final void releaseRequest() {
        request = null;
    }

    /** The transaction table key. */
    public final TransactionKey key() {
        return key;
    }

    /** True for INVITE transactions. */
    public final boolean isInvite() {
        return SipMethod.INVITE.equals(method);
    }

    /** True once terminated. */
    public final synchronized boolean isTerminated() {
        return state == TransactionState.TERMINATED;
    }

    /** The allowed next states from {@code from} (the machine's figure in RFC 3261 s17). */
    abstract Set<TransactionState> successors(TransactionState from);

    /** Handles a fired timer; called with the monitor held and the timer already forgotten. */
    abstract void onTimer(SipTimer timer, List<Runnable> effects);

    /** Handles a transport error of a send made by this transaction; called with the monitor held. */
    abstract void onTransportError(TransportException error, List<Runnable> effects);

    /** Tells the listener or TU that the transaction ended; runs after the monitor is released. */
    abstract void notifyTerminated();

    /** Guarded by this. */
    final TransactionState current() {
        return state;
    }

    /** Moves to {@code next}; a move the table does not allow is a bug in this package. Guarded by this. */
    final void transition(TransactionState next) {
        if (!successors(state).contains(next)) {
            throw new IllegalStateException("VXTXN-900 " + getClass().getSimpleName() + " cannot go from " + state
                    + " to " + next);
        }
        state = next;
    }

    /** Ends the transaction: cancels every timer, leaves the table, tells the owner. Guarded by this. */
    final void terminate(List<Runnable> effects) {
        if (state == TransactionState.TERMINATED) {
            return;
        }
        transition(TransactionState.TERMINATED);
        for (TimerHandle handle : timers.values()) {
            handle.cancel();
        }
        timers.clear();
        layer.remove(this);
        effects.add(this::notifyTerminated);
    }

    /**
     * Starts (or restarts) a named timer; a zero duration ends the wait at once, as the RFC's
     * "set to zero seconds" means. Guarded by this.
     */
    final void startTimer(SipTimer timer, Duration delay) {
        cancelTimer(timer);
        Fire fire = new Fire(timer);
        fire.handle = layer.timers().schedule(delay, fire);
        timers.put(timer, fire.handle);
    }

    /** Guarded by this. */
    final void cancelTimer(SipTimer timer) {
        TimerHandle handle = timers.remove(timer);
        if (handle != null) {
            handle.cancel();
        }
    }

    /** Guarded by this. */
    final boolean timerRunning(SipTimer timer) {
        return timers.containsKey(timer);
    }

    /** Ends the transaction now whatever its state (layer shutdown). */
    final void abort() {
        List<Runnable> effects = new ArrayList<>(1);
        synchronized (this) {
            terminate(effects);
        }
        runAll(effects);
    }

    /** Reports a failed send; safe to call from any thread. */
    final void sendFailed(Throwable failure) {
        TransportException error = asTransportException(failure);
        List<Runnable> effects = new ArrayList<>(2);
        synchronized (this) {
            if (state != TransactionState.TERMINATED) {
                onTransportError(error, effects);
            }
        }
        runAll(effects);
    }

    static void runAll(List<Runnable> effects) {
        for (Runnable effect : effects) {
            effect.run();
        }
    }

    private static TransportException asTransportException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TransportException transportException) {
            return transportException;
        }
        return new TransportException("VXTXN-007 send failed: " + cause, null, cause);
    }

    private final class Fire implements Runnable {
        private final SipTimer timer;
        private TimerHandle handle;

        Fire(SipTimer timer) {
            this.timer = timer;
        }

        @Override
        public void run() {
            List<Runnable> effects = new ArrayList<>(2);
            synchronized (Transaction.this) {
                if (timers.get(timer) != handle) {
                    return;
                }
                timers.remove(timer);
                onTimer(timer, effects);
            }
            runAll(effects);
        }

        @Override
        public String toString() {
            return "Timer " + timer + " of " + key;
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + method + " " + key.branch() + " " + state() + "]";
    }
}
