package io.voxplane.stack.proxy;

import io.voxplane.sip.Address;
import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.stack.timer.TimerService;
import io.voxplane.stack.transaction.ServerInviteTransaction;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transaction.TransactionFailure;
import io.voxplane.stack.transaction.TransactionLayer;
import io.voxplane.stack.transaction.TransactionUser;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.UserAgentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A transaction-stateful SIP proxy core (RFC 3261 s16) on its own {@link TransactionLayer}.
 *
 * <p>For each new request it checks what s16.3 asks (Max-Forwards 0: 483; a loop: 482;
 * Proxy-Require with an option tag it does not support: 420 with Unsupported; a Request-URI
 * scheme other than sip/sips: 416), preprocesses the route information (s16.4: a Request-URI that
 * is its own Record-Route URI is replaced by the last Route; its own top Route is removed), then
 * makes a {@link ProxyTransaction}: for a request outside a dialog it asks the
 * {@link ProxyRouter} for the target set; a request inside a dialog (To tag) is forwarded to its
 * Request-URI through its Route set without asking (s16.12). See {@link ProxyTransaction} for
 * forwarding, forking, response handling and CANCEL.
 *
 * <p>ACK for a 2xx (no transaction) is forwarded statelessly (s16.11) by Route / Request-URI with
 * a branch derived from the incoming one, so a retransmitted ACK takes the same branch. A 2xx
 * retransmission that arrives after its client transaction ended is passed upstream statelessly
 * over UDP (s16.7 step 10 with RFC 6026); over TCP the upstream connection is not known any more
 * and it is dropped (counted).
 *
 * <p>Wiring: hand it the transport's {@link MessageSender} and a {@link TimerService}; plug
 * {@link #inboundHandler()} into the transport. It creates no threads: it runs on the transport's
 * and the timer service's. Limits: not handled here are RFC 3263 DNS (plug a resolver in the
 * config), strict routing towards the next hop (a Route without {@code lr} is used as a loose
 * one), double Record-Route across transports, and Timer C (use a branch timeout).
 *
 * <p>Dialogs: the proxy tracks the dialogs it record-routed ({@link #dialogs()}, created by the 2xx
 * it forwards upstream, ended by a BYE passing through) only so that a node going down can end
 * them with a BYE to each side; routing never depends on them.
 */
public final class StatefulProxy {

    private static final System.Logger LOG = System.getLogger(StatefulProxy.class.getName());

    private final ProxyConfig config;
    private final ProxyRouter router;
    private final TransactionLayer transactions;
    private final LoopDetector loops;
    private final ProxiedDialogs dialogs;
    private final ConcurrentMap<ServerTransaction, ProxyTransaction> invites = new ConcurrentHashMap<>();
    private final AtomicLong acksForwarded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong late2xx = new AtomicLong();
    private final AtomicLong strayDropped = new AtomicLong();
    private volatile LocalEndpoint local = LocalEndpoint.NONE;

    public StatefulProxy(MessageSender sender, TimerService timers, ProxyConfig config, ProxyRouter router) {
        this.config = Objects.requireNonNull(config, "config");
        this.router = Objects.requireNonNull(router, "router");
        this.loops = new LoopDetector(config);
        this.transactions = new TransactionLayer(sender, timers, config.transactions(), new Core());
        this.dialogs = new ProxiedDialogs(config, transactions);
    }

    /** Plug this into the transport. */
    public InboundMessageHandler inboundHandler() {
        return transactions;
    }

    public ProxyConfig config() {
        return config;
    }

    public TransactionLayer transactions() {
        return transactions;
    }

    /**
     * The dialogs this proxy record-routed and can end itself at shutdown
     * ({@link ProxiedDialogs#terminateAll}: BYE to both sides; call it before {@link #shutdown()},
     * which refuses new transactions).
     */
    public ProxiedDialogs dialogs() {
        return dialogs;
    }

    /**
     * Sets the user agent side of this node ({@link LocalEndpoint}), asked first about in-dialog
     * requests, ACKs, CANCELs and stray 2xx; what it does not take stays with the proxy core.
     * Set once at wiring, before traffic.
     */
    public void localEndpoint(LocalEndpoint endpoint) {
        local = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** INVITE response contexts alive now (kept until their server transaction ends, for CANCEL). */
    public int activeInvites() {
        return invites.size();
    }

    /** ACKs forwarded statelessly. */
    public long acksForwarded() {
        return acksForwarded.get();
    }

    /** Requests answered by the proxy itself after a failed s16.3 check (483, 482, 420, 416). */
    public long rejectedByValidation() {
        return rejected.get();
    }

    /** 2xx responses that could not go upstream because a non-2xx final response went first. */
    public long late2xxDropped() {
        return late2xx.get();
    }

    /** Stray 2xx retransmissions dropped (not ours, or over a stream transport). */
    public long strayResponsesDropped() {
        return strayDropped.get();
    }

    /** Terminates every transaction; new requests get 503. */
    public void shutdown() {
        transactions.shutdown();
    }

    LoopDetector loops() {
        return loops;
    }

    void countLate2xx() {
        late2xx.incrementAndGet();
    }

    /**
     * The request validation of s16.3 (items 3, 4, 6 and the URI scheme of item 2).
     *
     * @return the status to answer, or 0 when the request may be proxied
     */
    int validate(SipRequest request) {
        if (!(request.requestUri() instanceof SipUri)) {
            return 416;
        }
        if (request.maxForwards().isPresent() && request.maxForwards().getAsInt() == 0) {
            return 483;
        }
        if (loops.isLoop(request)) {
            return 482;
        }
        if (!unsupported(request).isEmpty()) {
            return 420;
        }
        return 0;
    }

    private List<String> unsupported(SipRequest request) {
        List<String> missing = new ArrayList<>();
        for (String tag : request.proxyRequire()) {
            if (!config.supported().contains(tag)) {
                missing.add(tag);
            }
        }
        return missing;
    }

    /** Route information preprocessing (s16.4). */
    SipRequest preprocessRoutes(SipRequest request) {
        List<Address> routes = request.routes();
        if (routes.isEmpty()) {
            return request;
        }
        SipRequest.Builder builder = null;
        List<Address> remaining = routes;
        if (config.isSelf(request.requestUri())) {
            // the previous hop was a strict router: our Record-Route URI came as the Request-URI
            builder = request.toBuilder().requestUri(routes.get(routes.size() - 1).uri());
            remaining = routes.subList(0, routes.size() - 1);
        }
        if (!remaining.isEmpty() && config.isSelf(remaining.get(0).uri())) {
            remaining = remaining.subList(1, remaining.size());
            builder = builder == null ? request.toBuilder() : builder;
        }
        if (builder == null) {
            return request;
        }
        if (remaining.isEmpty()) {
            builder.removeHeader(HeaderNames.ROUTE);
        } else {
            builder.routes(List.copyOf(remaining));
        }
        return builder.build();
    }

    /** Stateless forwarding of an ACK for a 2xx (s16.11 with the s16.6 changes). */
    void forwardAck(SipRequest received) {
        if (received.maxForwards().isPresent() && received.maxForwards().getAsInt() == 0) {
            return;
        }
        SipRequest ack = preprocessRoutes(received);
        if (config.isSelf(ack.requestUri()) && ack.routes().isEmpty()) {
            return;
        }
        Target target;
        try {
            target = config.resolver().resolve(ack.routes().isEmpty() ? ack.requestUri() : ack.routes().get(0).uri());
        } catch (UserAgentException unresolvable) {
            LOG.log(System.Logger.Level.INFO, ProxyException.NO_TARGET + " ACK not forwarded: " + unresolvable.getMessage());
            return;
        }
        int maxForwards = ack.maxForwards().orElse(ProxyConfig.DEFAULT_MAX_FORWARDS + 1);
        SipRequest forwarded = ack.toBuilder()
                .maxForwards(Math.max(0, maxForwards - 1))
                .pushVia(config.via(target.transport(), LoopDetector.statelessBranch(received)))
                .build();
        transactions.sendAck(forwarded, target);
        acksForwarded.incrementAndGet();
    }

    private SipResponse reject(SipRequest request, int status) {
        SipResponse.Builder builder = SipResponse.replyTo(request, status);
        if (request.to().tag().isEmpty()) {
            builder.to(request.to().withTag(SipIdGenerator.newTag()));
        }
        if (status == 420) {
            builder.header(HeaderNames.UNSUPPORTED, String.join(", ", unsupported(request)));
        }
        return builder.build();
    }

    /** The proxy core as transaction user. */
    private final class Core implements TransactionUser {

        @Override
        public void onRequest(SipRequest received, ServerTransaction server) {
            int status = validate(received);
            if (status != 0) {
                rejected.incrementAndGet();
                server.respond(reject(received, status));
                return;
            }
            SipRequest request = preprocessRoutes(received);
            if (request.to().tag().isPresent() && local.onInDialogRequest(request, server)) {
                return;
            }
            ProxyTransaction context = new ProxyTransaction(StatefulProxy.this, request, server);
            if (request.isInvite()) {
                invites.put(server, context);
                if (request.to().tag().isEmpty()) {
                    dialogs.inviteStarted(context);
                }
            }
            if (request.to().tag().isPresent()) {
                dialogs.inDialogRequest(request, context);
                context.proxyTo(ProxyTarget.of(request.requestUri()), new ProxyOptions(ForkingMode.PARALLEL, false, null));
            } else {
                router.route(context);
            }
        }

        @Override
        public void onAck(SipRequest ack, Flow flow) {
            if (!local.onAck(ack, flow)) {
                forwardAck(ack);
            }
        }

        @Override
        public void onCancel(SipRequest cancel, ServerInviteTransaction invite) {
            if (local.onCancel(cancel, invite)) {
                return;
            }
            ProxyTransaction context = invites.get(invite);
            if (context == null) {
                invite.respondRequestTerminated();
            } else {
                context.cancel();
            }
        }

        @Override
        public void onStrayResponse(SipResponse response, Flow flow) {
            if (local.onStrayResponse(response, flow)) {
                return;
            }
            if (response.topVia() == null || !config.isSelf(response.topVia()) || flow.transport() != TransportType.UDP
                    || response.vias().size() < 2) {
                strayDropped.incrementAndGet();
                return;
            }
            transactions.sendStateless(response.toBuilder().removeTopVia().build(), flow);
        }

        @Override
        public void onServerTransactionFailure(ServerTransaction transaction, TransactionFailure failure) {
            local.onServerTransactionFailure(transaction, failure);
        }

        @Override
        public void onServerTransactionTerminated(ServerTransaction transaction) {
            ProxyTransaction invite = invites.remove(transaction);
            if (invite != null) {
                dialogs.inviteDone(invite);
            }
            local.onServerTransactionTerminated(transaction);
        }
    }
}
