package io.voxplane.stack.proxy;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.timer.TimerHandle;
import io.voxplane.stack.timer.TimerService;
import io.voxplane.stack.transaction.ClientTransaction;
import io.voxplane.stack.transaction.ClientTransactionListener;
import io.voxplane.stack.transaction.TransactionException;
import io.voxplane.stack.transaction.TransactionFailure;
import io.voxplane.stack.transaction.TransactionLayer;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.ua.UserAgentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dialogs a {@link StatefulProxy} record-routed, so that it can end them itself when its node
 * shuts down: a transaction-stateful proxy keeps no dialog state (RFC 3261 s16), and calls it
 * merely forwarded would otherwise stay up at both peers, whose in-dialog requests then route
 * through a proxy that is gone. Kamailio's dialog module ({@code dlg_end_dlg}) does the same.
 *
 * <p>Life of an entry ({@link ProxiedDialog}):
 * <ul>
 * <li>created when the proxy forwards upstream a 2xx to an initial INVITE it record-routed
 * (s12.1: Call-ID, From tag, To tag), just before it sends it (and dropped again if that send is
 * refused); each forked 2xx with its own To tag is a dialog of its own
 * (s16.7 step 10, RFC 6026), a retransmitted 2xx is not a new one;</li>
 * <li>kept up to date by every request of the dialog the proxy forwards (s16.12): the highest
 * CSeq of each direction (counting the requests of the early dialogs before the 2xx: PRACK,
 * UPDATE), and the remote targets of a 2xx-answered re-INVITE or UPDATE (s12.2);</li>
 * <li>ended by the final response to a BYE that passed through (any status but a 401/407
 * challenge, after which the BYE comes again: s15.1.1 has the UAC consider the dialog over on
 * 2xx, 481, 408 and no answer, and other failures leave nothing to end either), or by
 * {@link #terminateAll}. An INVITE that never gets a 2xx never makes an entry.</li>
 * </ul>
 * At most {@link ProxyConfig#maxDialogs()} entries live at once. When the table is full, a new
 * dialog first makes room by dropping those through which no request passed for
 * {@link ProxyConfig#dialogMaxIdle()} (peers that vanished without a BYE; counted in
 * {@link #droppedIdle()}, at most one sweep per {@link #IDLE_SWEEP_INTERVAL}); if none is, the
 * call is still proxied, only not tracked, and counted in {@link #untrackedOverLimit()}.
 *
 * <p>Hot path: per INVITE one map insert and one removal (the Call-ID index of INVITEs in progress,
 * for early-dialog requests) plus one insert when answered 2xx; one to three map reads per
 * in-dialog request; all lock-free; nothing here is done while holding a lock, and no I/O happens but in
 * {@link #terminateAll}.
 */
public final class ProxiedDialogs {

    private static final System.Logger LOG = System.getLogger(ProxiedDialogs.class.getName());

    /** The Reason header (RFC 3326). */
    public static final String REASON = "Reason";

    /**
     * The Reason the shutdown BYEs carry (RFC 3326): the peers see why the call ended, and 503
     * says the service, not the other party, went away. Not configurable.
     */
    public static final String DEFAULT_REASON = "SIP;cause=503;text=\"node shutting down\"";

    /**
     * At most one look for idle dialogs a second when the table is full: a sweep reads every entry
     * (100,000 by default, a few ms), and a full table at 2,000 calls a second would otherwise
     * sweep on every call. Not configurable.
     */
    static final Duration IDLE_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final ProxyConfig config;
    private final TransactionLayer transactions;
    private final TimerService timers;
    private final AtomicLong lastIdleSweep;
    private final AtomicLong droppedIdle = new AtomicLong();
    private final ConcurrentMap<ProxiedDialogId, ProxiedDialog> dialogs = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ProxyTransaction> pendingInvites = new ConcurrentHashMap<>();
    private final AtomicInteger tracked = new AtomicInteger();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong endedByBye = new AtomicLong();
    private final AtomicLong terminated = new AtomicLong();
    private final AtomicLong untrackedOverLimit = new AtomicLong();

    ProxiedDialogs(ProxyConfig config, TransactionLayer transactions) {
        this.config = Objects.requireNonNull(config, "config");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.timers = transactions.timers();
        this.lastIdleSweep = new AtomicLong(timers.nanoTime() - IDLE_SWEEP_INTERVAL.toNanos());
    }

    /** Dialogs tracked now. */
    public int size() {
        return tracked.get();
    }

    /** The tracked dialog with this id (the caller's tag first), if any. */
    public Optional<ProxiedDialog> find(ProxiedDialogId id) {
        return Optional.ofNullable(dialogs.get(id));
    }

    /** The tracked dialogs now, in no order. */
    public List<ProxiedDialog> snapshot() {
        return List.copyOf(dialogs.values());
    }

    /** Dialogs tracked since start. */
    public long created() {
        return created.get();
    }

    /** Dialogs ended by a BYE that passed through. */
    public long endedByBye() {
        return endedByBye.get();
    }

    /** Dialogs ended by {@link #terminateAll}. */
    public long terminated() {
        return terminated.get();
    }

    /**
     * Dialogs dropped, untouched for longer than {@link ProxyConfig#dialogMaxIdle()}, to make room
     * for a new one once {@link ProxyConfig#maxDialogs()} were tracked.
     */
    public long droppedIdle() {
        return droppedIdle.get();
    }

    /** Dialogs proxied but not tracked because {@link ProxyConfig#maxDialogs()} were tracked already. */
    public long untrackedOverLimit() {
        return untrackedOverLimit.get();
    }

    /**
     * A 2xx to an initial record-routed INVITE is about to go upstream: track the dialog it
     * creates, before the caller can act on the 2xx (so a shutdown that starts right after counts
     * and ends this call too).
     *
     * @param invite     the INVITE as received
     * @param callerFlow the flow it came on
     * @param calleeHop  where the branch that got the 2xx sent it
     * @param ok         the 2xx as received from downstream
     * @param early      the highest CSeqs of the early-dialog requests seen for the INVITE
     * @return the dialog now tracked; empty when it cannot be (see {@link ProxiedDialog}), is
     *         tracked already, or the table is full
     */
    Optional<ProxiedDialog> confirmed(SipRequest invite, Flow callerFlow, Target calleeHop, SipResponse ok,
                                      EarlyCSeqs early) {
        long now = timers.nanoTime();
        Optional<ProxiedDialog> made = ProxiedDialog.of(config, invite, callerFlow, calleeHop, ok, now);
        if (made.isEmpty()) {
            return made;
        }
        made.get().requestSeen(DialogSide.CALLER, early.highestFrom(DialogSide.CALLER));
        made.get().requestSeen(DialogSide.CALLEE, early.highestFrom(DialogSide.CALLEE));
        if (!reserve() && !(dropIdle(now) && reserve())) {
            untrackedOverLimit.incrementAndGet();
            return Optional.empty();
        }
        ProxiedDialog dialog = made.get();
        if (dialogs.putIfAbsent(dialog.id(), dialog) != null) {
            tracked.decrementAndGet();
            return Optional.empty();
        }
        created.incrementAndGet();
        return made;
    }

    /** The 2xx that created {@code dialog} could not go upstream after all: the caller never saw it. */
    void notForwarded(ProxiedDialog dialog) {
        if (remove(dialog)) {
            created.decrementAndGet();
        }
    }

    private boolean reserve() {
        if (tracked.incrementAndGet() > config.maxDialogs()) {
            tracked.decrementAndGet();
            return false;
        }
        return true;
    }

    /**
     * The table is full: drops the dialogs idle for longer than {@link ProxyConfig#dialogMaxIdle()},
     * at most once per {@link #IDLE_SWEEP_INTERVAL}.
     *
     * @return true when it dropped any
     */
    private boolean dropIdle(long now) {
        long last = lastIdleSweep.get();
        if (now - last < IDLE_SWEEP_INTERVAL.toNanos() || !lastIdleSweep.compareAndSet(last, now)) {
            return false;
        }
        int dropped = 0;
        for (ProxiedDialog dialog : dialogs.values()) {
            if (dialog.idleLongerThan(config.dialogMaxIdle(), now) && remove(dialog)) {
                dropped++;
            }
        }
        droppedIdle.addAndGet(dropped);
        if (dropped > 0) {
            int count = dropped;
            LOG.log(System.Logger.Level.INFO, () -> ProxyException.DIALOGS_FULL + " " + count + " proxied dialogs idle for"
                    + " over " + config.dialogMaxIdle() + " dropped to make room (limit " + config.maxDialogs() + ")");
        }
        return dropped > 0;
    }

    /**
     * A request with a To tag is being forwarded by {@code context} (s16.12): if it belongs to a
     * tracked dialog, note its CSeq, and watch the final response of a BYE (ends the dialog) or of
     * a target refresh (new remote targets).
     */
    void inDialogRequest(SipRequest request, ProxyTransaction context) {
        ProxiedDialog dialog = null;
        DialogSide sender = DialogSide.CALLER;
        if (tracked.get() > 0) {
            ProxiedDialogId asSent = new ProxiedDialogId(request.callId(), request.from().tag().orElse(""),
                    request.to().tag().orElse(""));
            dialog = dialogs.get(asSent);
            if (dialog == null) {
                sender = DialogSide.CALLEE;
                dialog = dialogs.get(asSent.reversed());
            }
        }
        if (dialog == null) {
            earlyRequest(request);
            return;
        }
        dialog.requestSeen(sender, request.cseq().number());
        dialog.touch(timers.nanoTime());
        ProxiedDialog found = dialog;
        DialogSide from = sender;
        switch (request.method()) {
            case SipMethod.BYE -> context.finalResponse().thenAccept(response -> {
                if (response.status() != 401 && response.status() != 407 && remove(found)) {
                    endedByBye.incrementAndGet();
                }
            });
            case SipMethod.INVITE, SipMethod.UPDATE -> context.finalResponse().thenAccept(response -> {
                if (response.statusClass() == 2) {
                    if (!request.contacts().isEmpty()) {
                        found.remoteTarget(from, request.contacts().get(0).uri());
                    }
                    if (!response.contacts().isEmpty()) {
                        found.remoteTarget(from.opposite(), response.contacts().get(0).uri());
                    }
                }
            });
            default -> {
            }
        }
    }

    /**
     * An initial INVITE is being proxied: until it is done, requests inside its early dialogs
     * (PRACK, UPDATE before the 2xx: RFC 3262, RFC 3311) count toward the CSeqs of the dialog its
     * 2xx will create. One map insert per INVITE (none when nothing is tracked, limit 0).
     */
    void inviteStarted(ProxyTransaction invite) {
        if (config.maxDialogs() > 0) {
            pendingInvites.putIfAbsent(invite.request().callId(), invite);
        }
    }

    /** The INVITE's response context completed or its server transaction ended. Idempotent. */
    void inviteDone(ProxyTransaction invite) {
        if (config.maxDialogs() > 0) {
            pendingInvites.remove(invite.request().callId(), invite);
        }
    }

    /** INVITEs being proxied now that early-dialog requests can be matched to. */
    int pendingInvites() {
        return pendingInvites.size();
    }

    private void earlyRequest(SipRequest request) {
        ProxyTransaction invite = pendingInvites.get(request.callId());
        if (invite == null) {
            return;
        }
        boolean fromCaller = request.from().tag().equals(invite.request().from().tag());
        invite.earlyRequestSeen(fromCaller ? DialogSide.CALLER : DialogSide.CALLEE, request.cseq().number());
    }

    private boolean remove(ProxiedDialog dialog) {
        if (dialogs.remove(dialog.id(), dialog)) {
            tracked.decrementAndGet();
            return true;
        }
        return false;
    }

    /** {@link #terminateAll(Duration, String)} with {@link #DEFAULT_REASON}. */
    public CompletionStage<ProxiedDialogTermination> terminateAll(Duration timeout) {
        return terminateAll(timeout, DEFAULT_REASON);
    }

    /**
     * Ends every tracked dialog: takes it out of the registry and sends a BYE toward each side
     * (see {@link ProxiedDialog}) as a client transaction of the proxy's transaction layer, so
     * retransmissions and Timer F apply. Never blocks. A second call ends what was tracked since.
     *
     * @param timeout how long to wait for the BYEs' final responses
     * @param reason  the Reason header value (RFC 3326), or null for none
     * @return completes when every BYE has a final response or failed, or when {@code timeout}
     *         passed, whichever is first; never exceptionally
     */
    public CompletionStage<ProxiedDialogTermination> terminateAll(Duration timeout, String reason) {
        Objects.requireNonNull(timeout, "timeout");
        List<ProxiedDialog> taken = new ArrayList<>();
        for (ProxiedDialog dialog : dialogs.values()) {
            if (remove(dialog)) {
                taken.add(dialog);
            }
        }
        if (taken.isEmpty()) {
            return CompletableFuture.completedFuture(ProxiedDialogTermination.NONE);
        }
        terminated.addAndGet(taken.size());
        LOG.log(System.Logger.Level.DEBUG, () -> "ending " + taken.size() + " proxied dialogs with BYE both ways");
        Termination termination = new Termination(taken.size());
        for (ProxiedDialog dialog : taken) {
            termination.bye(dialog, DialogSide.CALLER, reason);
            termination.bye(dialog, DialogSide.CALLEE, reason);
        }
        termination.allSent(timeout);
        return termination.result;
    }

    /** The BYEs of one {@link #terminateAll} and their outcome. */
    private final class Termination {

        private final int dialogs;
        private final CompletableFuture<ProxiedDialogTermination> result = new CompletableFuture<>();
        // one for each BYE in flight, plus one until every BYE was handed over
        private final AtomicInteger pending = new AtomicInteger(1);
        private final AtomicInteger byes = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger failedSent = new AtomicInteger();
        private final AtomicInteger unbuilt = new AtomicInteger();
        private volatile TimerHandle deadline;

        Termination(int dialogs) {
            this.dialogs = dialogs;
        }

        void bye(ProxiedDialog dialog, DialogSide toward, String reason) {
            Target hop;
            SipRequest bye;
            try {
                hop = dialog.nextHopToward(toward, config.resolver());
                bye = dialog.byeToward(toward, config, hop, reason);
            } catch (UserAgentException | IllegalArgumentException | IllegalStateException unroutable) {
                LOG.log(System.Logger.Level.DEBUG, ProxyException.NO_TARGET + " no BYE toward the " + toward + " of "
                        + dialog + ": " + unroutable.getMessage());
                unbuilt.incrementAndGet();
                return;
            }
            byes.incrementAndGet();
            pending.incrementAndGet();
            Outcome outcome = new Outcome(dialog, toward);
            try {
                transactions.sendRequest(bye, hop, outcome);
            } catch (TransactionException refused) {
                LOG.log(System.Logger.Level.DEBUG, "BYE toward the " + toward + " of " + dialog + " not sent: "
                        + refused.getMessage());
                outcome.done(false);
            }
        }

        void allSent(Duration timeout) {
            if (pending.decrementAndGet() == 0) {
                complete();
                return;
            }
            deadline = transactions.timers().schedule(timeout, this::complete);
            if (result.isDone()) {
                deadline.cancel();
            }
        }

        private void oneDone(boolean gotAnswer) {
            (gotAnswer ? answered : failedSent).incrementAndGet();
            if (pending.decrementAndGet() == 0) {
                complete();
            }
        }

        private void complete() {
            int answers = answered.get();
            int failures = failedSent.get();
            int sent = byes.get();
            if (result.complete(new ProxiedDialogTermination(dialogs, sent, answers, failures + unbuilt.get(),
                    Math.max(0, sent - answers - failures)))) {
                TimerHandle timer = deadline;
                if (timer != null) {
                    timer.cancel();
                }
            }
        }

        /** One BYE's client transaction listener. */
        private final class Outcome implements ClientTransactionListener {

            private final ProxiedDialog dialog;
            private final DialogSide toward;
            private final AtomicBoolean done = new AtomicBoolean();

            Outcome(ProxiedDialog dialog, DialogSide toward) {
                this.dialog = dialog;
                this.toward = toward;
            }

            void done(boolean gotAnswer) {
                if (done.compareAndSet(false, true)) {
                    oneDone(gotAnswer);
                }
            }

            @Override
            public void onResponse(ClientTransaction transaction, SipResponse response) {
                if (response.isFinal()) {
                    done(true);
                }
            }

            @Override
            public void onFailure(ClientTransaction transaction, TransactionFailure failure) {
                LOG.log(System.Logger.Level.DEBUG, () -> "BYE toward the " + toward + " of " + dialog + " failed: "
                        + failure);
                done(false);
            }
        }
    }
}
