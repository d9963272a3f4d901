package io.voxplane.stack.transaction;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import io.voxplane.stack.timer.TimerService;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RFC 3261 s17 transaction layer: matches inbound messages to transactions (s17.1.3,
 * s17.2.3), creates server transactions for new requests, runs client transactions for the TU,
 * and hands the rest to the {@link TransactionUser}.
 *
 * <p>Plug it into the transport as its {@link InboundMessageHandler}. Thread-safe: messages may
 * arrive on any number of transport threads and timers fire on the {@link TimerService}'s.
 *
 * <p>Bounded by {@link TransactionConfig#maxTransactions()}: past it a new request (other than
 * ACK) is answered statelessly with 503 and {@link #sendRequest} throws {@code VXTXN-004}.
 * After {@link #shutdown()} the same happens for every new transaction.
 *
 * <p>Inbound dispatch:
 * <ul>
 * <li>a request matching a server transaction is a retransmission (or the INVITE's ACK) and goes
 * to it;</li>
 * <li>an ACK matching nothing (the ACK for a 2xx) goes to {@link TransactionUser#onAck};</li>
 * <li>a CANCEL gets its own server transaction; if it matches an INVITE server transaction the
 * layer answers 200 and calls {@link TransactionUser#onCancel}, else 481 (s9.2);</li>
 * <li>any other request creates a server transaction and goes to {@link TransactionUser#onRequest};</li>
 * <li>a response goes to its client transaction; a 2xx to INVITE without one goes to
 * {@link TransactionUser#onStrayResponse}; other strays are dropped and counted.</li>
 * </ul>
 */
public final class TransactionLayer implements InboundMessageHandler {

    private static final System.Logger LOG = System.getLogger(TransactionLayer.class.getName());

    private final MessageSender sender;
    private final TimerService timers;
    private final TransactionConfig config;
    private final TransactionUser user;
    private final ConcurrentMap<TransactionKey, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final ConcurrentMap<TransactionKey, ServerTransaction> servers = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong strayResponsesDropped = new AtomicLong();
    private final AtomicLong rejectedOverLimit = new AtomicLong();
    private final AtomicLong malformedDropped = new AtomicLong();
    private volatile boolean shutdown;

    public TransactionLayer(MessageSender sender, TimerService timers, TransactionConfig config, TransactionUser user) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.config = Objects.requireNonNull(config, "config");
        this.user = Objects.requireNonNull(user, "user");
    }

    public TransactionConfig config() {
        return config;
    }

    public TimerService timers() {
        return timers;
    }

    TransactionUser user() {
        return user;
    }

    /**
     * Starts a client transaction for {@code request} (s17.1) and sends it. The request must
     * carry a top Via with a fresh RFC 3261 branch.
     *
     * @throws TransactionException {@code VXTXN-004} when the transaction limit is reached or the
     *                              layer is shut down; {@code VXTXN-006} for ACK (use
     *                              {@link #sendAck}) or a request without an RFC 3261 branch
     */
    public ClientTransaction sendRequest(SipRequest request, Target target, ClientTransactionListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(listener, "listener");
        if (request.isAck()) {
            throw new TransactionException(TransactionException.BAD_REQUEST,
                    "ACK has no client transaction: send the ACK for a 2xx with sendAck");
        }
        if (!request.topVia().hasRfc3261Branch()) {
            throw new TransactionException(TransactionException.BAD_REQUEST,
                    "client request needs a z9hG4bK branch in its top Via: " + request.topVia());
        }
        if (!reserve()) {
            throw new TransactionException(TransactionException.LIMIT_REACHED, shutdown
                    ? "transaction layer is shut down"
                    : "live transaction limit " + config.maxTransactions() + " reached");
        }
        ClientTransaction transaction = request.isInvite()
                ? new ClientInviteTransaction(this, request, target, listener)
                : new ClientNonInviteTransaction(this, request, target, listener);
        if (clients.putIfAbsent(transaction.key(), transaction) != null) {
            live.decrementAndGet();
            throw new TransactionException(TransactionException.BAD_REQUEST,
                    "a client transaction with branch " + transaction.key().branch() + " already exists");
        }
        transaction.start();
        return transaction;
    }

    /**
     * Sends a CANCEL for an INVITE client transaction (s9.1), as a non-INVITE client transaction
     * of its own, once a provisional response has arrived.
     *
     * @return false when the INVITE already has a final response (nothing to cancel)
     */
    public boolean sendCancel(ClientInviteTransaction invite, ClientTransactionListener listener) {
        SipRequest cancel = ClientInviteTransaction.cancelFor(invite.request());
        return invite.whenCancellable(() -> sendRequest(cancel, invite.target(), listener));
    }

    /** Sends an ACK for a 2xx (s13.2.2.4), which is not part of any transaction. */
    public CompletableFuture<Flow> sendAck(SipRequest ack, Target target) {
        return sendRequestNow(ack, target);
    }

    /** Sends a response outside any transaction (stateless, s8.2.7 / s16.11). */
    public CompletableFuture<Flow> sendStateless(SipResponse response, Flow requestFlow) {
        return sendResponseNow(response, requestFlow);
    }

    /** Client plus server transactions alive now. */
    public int transactionCount() {
        return clients.size() + servers.size();
    }

    /**
     * Non-INVITE transactions (client and server) still waiting for their final response
     * (TRYING or PROCEEDING): the in-flight work a graceful shutdown lets complete. INVITE
     * transactions are calls, ended by the dialog layer instead; transactions that already have
     * their final response only absorb retransmissions and are not counted.
     */
    public int pendingNonInviteCount() {
        int pending = 0;
        for (ClientTransaction transaction : clients.values()) {
            pending += isPendingNonInvite(transaction) ? 1 : 0;
        }
        for (ServerTransaction transaction : servers.values()) {
            pending += isPendingNonInvite(transaction) ? 1 : 0;
        }
        return pending;
    }

    private static boolean isPendingNonInvite(Transaction transaction) {
        if (transaction.isInvite()) {
            return false;
        }
        TransactionState state = transaction.state();
        return state == TransactionState.TRYING || state == TransactionState.PROCEEDING;
    }

    public int clientTransactionCount() {
        return clients.size();
    }

    public int serverTransactionCount() {
        return servers.size();
    }

    /** Responses that matched no client transaction and were dropped (not 2xx to INVITE). */
    public long strayResponsesDropped() {
        return strayResponsesDropped.get();
    }

    /** Requests answered with 503 because the limit was reached or the layer was shut down. */
    public long rejectedOverLimit() {
        return rejectedOverLimit.get();
    }

    /** Messages dropped because they had no Via to match or answer by. */
    public long malformedDropped() {
        return malformedDropped.get();
    }

    /** The live server transaction for a request (a retransmission, its ACK), if any. */
    public Optional<ServerTransaction> findServerTransaction(SipRequest request) {
        return Optional.ofNullable(servers.get(TransactionKey.forServerRequest(request)));
    }

    /**
     * Stops taking new transactions (new requests get 503) and terminates every live one,
     * cancelling their timers. Idempotent.
     */
    public void shutdown() {
        shutdown = true;
        List<Transaction> all = new ArrayList<>(clients.values());
        all.addAll(servers.values());
        for (Transaction transaction : all) {
            transaction.abort();
        }
    }

    @Override
    public void onMessage(SipMessage message, Flow flow) {
        if (message.topVia() == null) {
            // the parser requires Via; a message without one cannot be matched nor answered
            malformedDropped.incrementAndGet();
            return;
        }
        try {
            if (message instanceof SipRequest request) {
                onRequest(request, flow);
            } else if (message instanceof SipResponse response) {
                onResponse(response, flow);
            }
        } catch (RuntimeException failure) {
            // a failing TU must not take the transport thread down with it
            LOG.log(System.Logger.Level.ERROR, "VXTXN-008 processing " + describe(message) + " from " + flow.remote()
                    + " failed", failure);
        }
    }

    private void onRequest(SipRequest request, Flow flow) {
        TransactionKey key = TransactionKey.forServerRequest(request);
        if (request.isAck()) {
            ServerTransaction transaction = servers.get(key);
            if (transaction instanceof ServerInviteTransaction invite && invite.acknowledges(request)) {
                invite.receiveRequest(request, flow);
            } else {
                user.onAck(request, flow);
            }
            return;
        }
        ServerTransaction existing = servers.get(key);
        if (existing != null) {
            existing.receiveRequest(request, flow);
            return;
        }
        if (!reserve()) {
            rejectedOverLimit.incrementAndGet();
            SipResponse busy = SipResponse.replyTo(request, 503)
                    .to(request.to().tag().isPresent() ? request.to() : request.to().withTag(SipIdGenerator.newTag()))
                    .build();
            sendStateless(busy, flow);
            return;
        }
        ServerTransaction transaction = request.isInvite()
                ? new ServerInviteTransaction(this, key, request, flow)
                : new ServerNonInviteTransaction(this, key, request, flow);
        ServerTransaction raced = servers.putIfAbsent(key, transaction);
        if (raced != null) {
            live.decrementAndGet();
            raced.receiveRequest(request, flow);
            return;
        }
        if (request.isCancel()) {
            onCancel(request, (ServerNonInviteTransaction) transaction);
        } else {
            deliver(request, transaction);
        }
        // after the TU: a TU that answered at once needs no 100 Trying / unanswered timer at all
        transaction.start();
    }

    private void deliver(SipRequest request, ServerTransaction transaction) {
        try {
            user.onRequest(request, transaction);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.ERROR, "VXTXN-009 transaction user failed on " + describe(request)
                    + "; answering 500", failure);
            if (!transaction.hasFinalResponse() && !transaction.isTerminated()) {
                SipResponse error = SipResponse.replyTo(request, 500)
                        .to(request.to().tag().isPresent() ? request.to() : request.to().withTag(SipIdGenerator.newTag()))
                        .build();
                try {
                    transaction.respond(error);
                } catch (TransactionException raced) {
                    // the TU answered on another thread in the meantime: its answer stands
                }
            }
        }
    }

    private void onCancel(SipRequest cancel, ServerNonInviteTransaction cancelTransaction) {
        ServerTransaction target = servers.get(TransactionKey.forCancelledInvite(cancel));
        if (target instanceof ServerInviteTransaction invite) {
            invite.markCancelled();
            String tag = invite.toTag();
            cancelTransaction.respond(SipResponse.replyTo(cancel, 200)
                    .to(cancel.to().withTag(tag != null ? tag : SipIdGenerator.newTag()))
                    .build());
            user.onCancel(cancel, invite);
        } else {
            cancelTransaction.respond(SipResponse.replyTo(cancel, 481)
                    .to(cancel.to().tag().isPresent() ? cancel.to() : cancel.to().withTag(SipIdGenerator.newTag()))
                    .build());
        }
    }

    private void onResponse(SipResponse response, Flow flow) {
        TransactionKey key = TransactionKey.forResponse(response);
        ClientTransaction transaction = key == null ? null : clients.get(key);
        if (transaction != null) {
            transaction.receiveResponse(response, flow);
        } else if (response.statusClass() == 2 && SipMethod.INVITE.equals(response.cseq().method())) {
            user.onStrayResponse(response, flow);
        } else {
            strayResponsesDropped.incrementAndGet();
        }
    }

    private boolean reserve() {
        while (true) {
            int now = live.get();
            if (shutdown || now >= config.maxTransactions()) {
                return false;
            }
            if (live.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void remove(Transaction transaction) {
        boolean removed = transaction instanceof ClientTransaction
                ? clients.remove(transaction.key(), transaction)
                : servers.remove(transaction.key(), transaction);
        if (removed) {
            live.decrementAndGet();
        }
    }

    CompletableFuture<Flow> sendRequestNow(SipRequest request, Target target) {
        try {
            return sender.sendRequest(request, target);
        } catch (TransportException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    CompletableFuture<Flow> sendResponseNow(SipResponse response, Flow flow) {
        try {
            return sender.sendResponse(response, flow);
        } catch (TransportException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    CompletableFuture<Flow> resendResponseNow(byte[] wire, Via topVia, Flow flow) {
        try {
            return sender.sendSerializedResponse(wire, topVia, flow);
        } catch (TransportException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static String describe(SipMessage message) {
        return message instanceof SipRequest request
                ? request.method() + " " + request.callId()
                : ((SipResponse) message).status() + " " + message.cseq() + " " + message.callId();
    }
}
