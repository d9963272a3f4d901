package io.voxplane.stack.proxy;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.stack.transaction.ClientInviteTransaction;
import io.voxplane.stack.transaction.ClientTransaction;
import io.voxplane.stack.transaction.ClientTransactionListener;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transaction.TransactionException;
import io.voxplane.stack.transaction.TransactionFailure;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.UserAgentException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One proxied request: the response context of RFC 3261 s16 (a server transaction and the client
 * transactions forked from it). The live object a {@link ProxyRouter} gets: it decides with
 * {@link #proxyTo} or {@link #respond(int)} and can watch {@link #finalResponse()}.
 *
 * <p>Forwarding (s16.6): each branch is a copy of the request with the target as Request-URI,
 * Max-Forwards decremented (70 when absent), this proxy's Record-Route with {@code lr} on top when
 * asked (initial requests only), Route headers kept (the proxy's own was popped on receipt,
 * s16.4), and a new Via whose branch allows loop detection ({@link LoopDetector}). The next hop is
 * the target's fixed next hop, else the first Route, else the target URI.
 *
 * <p>Responses (s16.7): 100 is absorbed; other provisional responses go upstream at once; every
 * 2xx goes upstream at once (for INVITE also 2xx from further forks, RFC 6026) and cancels the
 * pending branches (step 10); a 6xx cancels the pending branches and stops forking (step 5); the
 * other finals are kept until every branch is done and then the best one goes up
 * ({@link BestResponse}). A timeout counts as 408, a transport failure as 503 (s16.7 step 1,
 * s8.1.3.1). The proxy's Via is removed from every response it forwards (step 3).
 *
 * <p>CANCEL (s16.10): the transaction layer answers the CANCEL 200; this context then cancels
 * every pending branch, starts no new one, and once they are done answers the INVITE 487 (unless
 * a branch answered 2xx or 6xx first, which goes up instead).
 *
 * <p>Threading: all events of one context (branch responses, failures, branch timers, CANCEL, the
 * router's decision) run one at a time in arrival order in a {@link SerialMailbox}, on the
 * threads that deliver them, and every upstream send is made from inside it. A provisional
 * response handed up after its branch already delivered a final one (the client transaction
 * passes responses up after releasing its lock, so a 180 and a 200 read on two threads may reach
 * the mailbox as 200, 180) is dropped. So the upstream side never sees a 180 after the 200 of
 * the same branch, whatever the number of transport threads.
 */
public final class ProxyTransaction {

    private static final System.Logger LOG = System.getLogger(ProxyTransaction.class.getName());

    private static final ClientTransactionListener IGNORE_CANCEL_RESPONSE = new ClientTransactionListener() {
        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onFailure(ClientTransaction transaction, TransactionFailure failure) {
        }
    };

    private final StatefulProxy proxy;
    private final SipRequest request;
    private final ServerTransaction server;
    private final SerialMailbox mailbox = new SerialMailbox();
    private final AtomicBoolean decided = new AtomicBoolean();
    private final CompletableFuture<SipResponse> finalResponse = new CompletableFuture<>();
    private final CompletableFuture<ProxyTransaction> completed = new CompletableFuture<>();

    // confined to the mailbox
    private final List<ProxyBranch> branches = new ArrayList<>();
    private final List<SipResponse> finals = new ArrayList<>();
    private final Deque<ProxyTarget> waiting = new ArrayDeque<>();
    private ProxyOptions options;
    private boolean cancelled;
    private boolean stopForking;
    private boolean finalSent;
    private boolean accepted;
    private volatile ProxyTransactionState state = ProxyTransactionState.AWAITING_ROUTE;
    private volatile Consumer<SipResponse> provisionalListener = response -> { };
    private final EarlyCSeqs early = new EarlyCSeqs();

    ProxyTransaction(StatefulProxy proxy, SipRequest request, ServerTransaction server) {
        this.proxy = proxy;
        this.request = request;
        this.server = server;
    }

    /** The request as received, after route preprocessing (s16.4: the proxy's own Route is gone). */
    public SipRequest request() {
        return request;
    }

    public ProxyTransactionState state() {
        return state;
    }

    /**
     * Completes with the first final response sent upstream (for a forked INVITE the first 2xx;
     * later 2xx also go upstream).
     */
    public CompletableFuture<SipResponse> finalResponse() {
        return finalResponse;
    }

    /** Completes once the final response went upstream and no branch is pending. */
    public CompletableFuture<ProxyTransaction> completed() {
        return completed;
    }

    /**
     * Forwards the request to {@code targets} (RFC 3261 s16.5, s16.6). For
     * {@link ForkingMode#SEQUENTIAL} the targets are tried by descending q-value, ties in list
     * order; for {@link ForkingMode#PARALLEL} all start at once. Returns at once.
     *
     * @throws IllegalArgumentException when {@code targets} is empty
     * @throws ProxyException           {@code VXPRX-002} when this transaction was already decided
     */
    public void proxyTo(List<ProxyTarget> targets, ProxyOptions how) {
        Objects.requireNonNull(how, "how");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(ProxyException.NO_TARGET + " empty target set for " + request.requestUri());
        }
        List<ProxyTarget> ordered = new ArrayList<>(targets);
        if (how.forking() == ForkingMode.SEQUENTIAL) {
            ordered.sort(Comparator.comparingDouble(ProxyTarget::q).reversed());
        }
        decide();
        mailbox.execute(() -> start(ordered, how));
    }

    /** {@link #proxyTo(List, ProxyOptions)} with one target. */
    public void proxyTo(ProxyTarget target, ProxyOptions how) {
        proxyTo(List.of(target), how);
    }

    /**
     * Answers the request here instead of proxying it (e.g. 404 when the location service knows no
     * one, 403 after a policy check). A To tag is added for a final response.
     *
     * @throws IllegalArgumentException when {@code status} is not a final status 200-699
     * @throws ProxyException           {@code VXPRX-002} when this transaction was already decided
     */
    public void respond(int status) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("not a final status: " + status);
        }
        decide();
        mailbox.execute(() -> {
            if (!finalSent) {
                sendUpstream(local(status));
            }
            finish();
        });
    }

    /**
     * Answers the request with {@code response} (a final response the router built, e.g. a
     * challenge with WWW-Authenticate, or a registrar's 200 with Contacts) instead of proxying it.
     * Like {@link #respond(int)}: the router's one decision.
     *
     * @throws IllegalArgumentException when {@code response} is provisional
     */
    public void respond(SipResponse response) {
        if (!response.isFinal()) {
            throw new IllegalArgumentException("only a final response decides a proxy transaction: " + response.status());
        }
        decide();
        mailbox.execute(() -> {
            if (!finalSent) {
                sendUpstream(response);
            }
            finish();
        });
    }

    /**
     * The router's decision to answer the request as a user agent itself (an app server answering
     * an INVITE with a dialog, or bridging it as a B2BUA) instead of proxying it: the context is
     * decided and completed without sending anything, {@link #finalResponse()} never completes,
     * and the returned server transaction is the caller's to answer. A CANCEL for it is the
     * caller's too (see {@link LocalEndpoint#onCancel}).
     *
     * @throws ProxyException {@code VXPRX-002} when this transaction was already decided
     */
    public ServerTransaction takeOver() {
        decide();
        mailbox.execute(() -> {
            finalSent = true;
            state = ProxyTransactionState.COMPLETED;
            completed.complete(this);
            proxy.dialogs().inviteDone(this);
        });
        return server;
    }

    /** The server transaction of the request (to match a CANCEL the proxy core passed on). */
    public ServerTransaction serverTransaction() {
        return server;
    }

    /**
     * Calls {@code listener} with every provisional response sent upstream (s16.7 step 5: at once,
     * in order, never after the final response of its branch), inside this context's serial order.
     * One listener; it must not block.
     */
    public void onProvisional(Consumer<SipResponse> listener) {
        provisionalListener = Objects.requireNonNull(listener, "listener");
    }

    /** A request inside one of this INVITE's early dialogs passed through (see {@link EarlyCSeqs}). */
    void earlyRequestSeen(DialogSide from, long cseq) {
        early.seen(from, cseq);
    }

    /** Events go through this; package-private for the branches and the proxy core. */
    SerialMailbox mailbox() {
        return mailbox;
    }

    ServerTransaction server() {
        return server;
    }

    /** The CANCEL for this INVITE arrived (the layer answered it 200). */
    void cancel() {
        mailbox.execute(() -> {
            cancelled = true;
            stopForking = true;
            waiting.clear();
            cancelPending();
            finish();
        });
    }

    private void decide() {
        if (!decided.compareAndSet(false, true)) {
            throw new ProxyException(ProxyException.WRONG_STATE, "request " + request.method() + " " + request.callId()
                    + " was already proxied, answered or cancelled");
        }
    }

    private void start(List<ProxyTarget> targets, ProxyOptions how) {
        if (finalSent || cancelled) {
            finish();
            return;
        }
        options = how;
        state = ProxyTransactionState.FORKING;
        waiting.addAll(targets);
        if (how.forking() == ForkingMode.PARALLEL) {
            while (!waiting.isEmpty()) {
                startBranch(waiting.poll());
            }
        } else {
            startBranch(waiting.poll());
        }
        finish();
    }

    private void startBranch(ProxyTarget target) {
        SipRequest forwarded = forwardedCopy(target);
        ProxyBranch branch = new ProxyBranch(this, target, forwarded);
        branches.add(branch);
        Target nextHop;
        try {
            nextHop = target.fixedNextHop().orElseGet(() -> proxy.config().resolver().resolve(
                    forwarded.routes().isEmpty() ? target.uri() : forwarded.routes().get(0).uri()));
        } catch (UserAgentException unresolvable) {
            LOG.log(System.Logger.Level.INFO, ProxyException.NO_TARGET + " " + unresolvable.getMessage());
            complete(branch, implied(branch, 503));
            return;
        }
        try {
            branch.transaction = proxy.transactions().sendRequest(forwarded, nextHop, branch);
        } catch (TransactionException refused) {
            LOG.log(System.Logger.Level.WARNING, "cannot start branch to " + target.uri() + ": " + refused.getMessage());
            complete(branch, implied(branch, 503));
            return;
        }
        if (options.branchTimeout() != null && branch.pending()) {
            branch.timer = proxy.transactions().timers().schedule(options.branchTimeout(),
                    () -> mailbox.execute(() -> onBranchTimeout(branch)));
        }
    }

    /** The copy of the request for one target (s16.6 steps 1-8). */
    private SipRequest forwardedCopy(ProxyTarget target) {
        SipRequest.Builder copy = request.toBuilder().requestUri(target.uri());
        int maxForwards = request.maxForwards().orElse(ProxyConfig.DEFAULT_MAX_FORWARDS + 1);
        copy.maxForwards(Math.max(0, maxForwards - 1));
        if (options.recordRoute() && request.to().tag().isEmpty()) {
            List<Address> recordRoutes = new ArrayList<>(request.recordRoutes().size() + 1);
            recordRoutes.add(Address.of(proxy.config().recordRouteUri()));
            recordRoutes.addAll(request.recordRoutes());
            copy.recordRoutes(recordRoutes);
        }
        TransportType over = target.fixedNextHop()
                .map(Target::transport)
                .orElseGet(() -> transportOf(request.routes().isEmpty() ? target.uri() : request.routes().get(0).uri()));
        copy.pushVia(proxy.config().via(over, proxy.loops().newBranch(request)));
        return copy.build();
    }

    private static TransportType transportOf(Uri uri) {
        if (uri instanceof SipUri sip) {
            return sip.transport().flatMap(TransportType::fromToken)
                    .orElse(TransportType.UDP);
        }
        return TransportType.UDP;
    }

    void onBranchResponse(ProxyBranch branch, SipResponse response) {
        if (response.isProvisional()) {
            if (branch.state == BranchState.TRYING) {
                branch.state = BranchState.PROCEEDING;
            }
            if (response.status() == 100 || !branch.pending() || finalSent) {
                return;
            }
            sendUpstream(response.toBuilder().removeTopVia().build());
            return;
        }
        if (response.statusClass() == 2) {
            boolean first = branch.pending();
            if (first) {
                complete(branch, response);
            }
            if (!finalSent || (request.isInvite() && accepted)) {
                if (!accepted) {
                    accepted = true;
                    state = ProxyTransactionState.ACCEPTED;
                }
                stopForking = true;
                waiting.clear();
                Optional<ProxiedDialog> dialog = createsDialog()
                        && branch.firstSightOfDialog(response.to().tag().orElse(""))
                        ? proxy.dialogs().confirmed(request, server.flow(), branch.transaction.target(), response, early)
                        : Optional.empty();
                if (!sendUpstream(response.toBuilder().removeTopVia().build())) {
                    dialog.ifPresent(proxy.dialogs()::notForwarded);
                }
                cancelPending();
            } else {
                proxy.countLate2xx();
            }
            finish();
            return;
        }
        if (!branch.pending()) {
            return;
        }
        complete(branch, response);
        if (response.statusClass() == 6) {
            stopForking = true;
            waiting.clear();
            cancelPending();
        }
        finish();
    }

    void onBranchFailure(ProxyBranch branch, TransactionFailure failure) {
        if (!branch.pending()) {
            return;
        }
        complete(branch, implied(branch, failure.impliedStatus()));
        finish();
    }

    private void onBranchTimeout(ProxyBranch branch) {
        branch.timer = null;
        if (!branch.pending()) {
            return;
        }
        cancelBranch(branch);
        complete(branch, implied(branch, 408));
        finish();
    }

    private void complete(ProxyBranch branch, SipResponse response) {
        branch.state = BranchState.COMPLETED;
        branch.finalResponse = response;
        if (branch.timer != null) {
            branch.timer.cancel();
            branch.timer = null;
        }
        if (response.statusClass() != 2) {
            finals.add(response);
        }
    }

    private void cancelPending() {
        for (ProxyBranch branch : branches) {
            if (branch.pending()) {
                cancelBranch(branch);
            }
        }
    }

    private void cancelBranch(ProxyBranch branch) {
        if (branch.cancelRequested || !(branch.transaction instanceof ClientInviteTransaction invite)) {
            return;
        }
        branch.cancelRequested = true;
        try {
            proxy.transactions().sendCancel(invite, IGNORE_CANCEL_RESPONSE);
        } catch (TransactionException refused) {
            LOG.log(System.Logger.Level.WARNING, "cannot cancel " + branch + ": " + refused.getMessage());
        }
    }

    /**
     * After every event: start the next sequential target, or send the best final response once
     * no branch is pending, and mark the context completed.
     */
    private void finish() {
        if (pendingCount() > 0) {
            return;
        }
        if (!stopForking && !waiting.isEmpty()) {
            startBranch(waiting.poll());
            finish();
            return;
        }
        if (!finalSent && (state != ProxyTransactionState.AWAITING_ROUTE || cancelled)) {
            sendUpstream(bestFinal());
        }
        if (finalSent && state != ProxyTransactionState.COMPLETED) {
            state = ProxyTransactionState.COMPLETED;
            completed.complete(this);
            proxy.dialogs().inviteDone(this);
        }
    }

    private SipResponse bestFinal() {
        if (cancelled && (finals.isEmpty() || BestResponse.select(finals).statusClass() != 6)) {
            return local(487);
        }
        if (finals.isEmpty()) {
            return local(408);
        }
        return BestResponse.select(finals).toBuilder().removeTopVia().build();
    }

    private int pendingCount() {
        int pending = 0;
        for (ProxyBranch branch : branches) {
            if (branch.pending()) {
                pending++;
            }
        }
        return pending;
    }

    /** A 2xx to this request creates a dialog that passes through this proxy (s12.1, s16.6 step 4). */
    private boolean createsDialog() {
        return request.isInvite() && request.to().tag().isEmpty() && options != null && options.recordRoute();
    }

    /** @return false when the server transaction refused it */
    private boolean sendUpstream(SipResponse response) {
        try {
            server.respond(response);
        } catch (TransactionException refused) {
            LOG.log(System.Logger.Level.WARNING, "cannot forward " + response.status() + " for " + request.method() + " "
                    + request.callId() + ": " + refused.getMessage());
            return false;
        }
        if (response.isFinal()) {
            finalSent = true;
            finalResponse.complete(response);
        } else {
            try {
                provisionalListener.accept(response);
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "provisional listener failed on " + response.status() + " for "
                        + request.callId() + ": " + failed);
            }
        }
        return true;
    }

    /** A response this proxy makes for the upstream side. */
    private SipResponse local(int status) {
        SipResponse.Builder builder = SipResponse.replyTo(request, status);
        if (request.to().tag().isEmpty() && status >= 200) {
            builder.to(request.to().withTag(SipIdGenerator.newTag()));
        }
        return builder.build();
    }

    /** The response a branch acts as if received: 408 timeout, 503 transport failure (s16.7 step 1). */
    private static SipResponse implied(ProxyBranch branch, int status) {
        SipRequest forwarded = branch.request();
        SipResponse.Builder builder = SipResponse.replyTo(forwarded, status);
        if (forwarded.to().tag().isEmpty()) {
            builder.to(forwarded.to().withTag(SipIdGenerator.newTag()));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "ProxyTransaction[" + request.method() + " " + request.callId() + " " + state + "]";
    }

}
