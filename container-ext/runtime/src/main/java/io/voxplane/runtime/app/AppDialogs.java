package io.voxplane.runtime.app;

import io.voxplane.sip.Address;
import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.stack.b2bua.B2buaCall;
import io.voxplane.stack.b2bua.B2buaRoute;
import io.voxplane.stack.dialog.DialogException;
import io.voxplane.stack.dialog.DialogId;
import io.voxplane.stack.proxy.LocalEndpoint;
import io.voxplane.stack.proxy.ProxyConfig;
import io.voxplane.stack.proxy.StatefulProxy;
import io.voxplane.stack.transaction.ServerInviteTransaction;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.TransactionFailure;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.IncomingCall;
import io.voxplane.stack.ua.UserAgent;
import io.voxplane.stack.ua.UserAgentConfig;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The calls apps hold as user agents, next to what they proxy: the {@link LocalEndpoint} of the
 * signaling plane's {@link StatefulProxy}. Its stack {@link UserAgent} runs on the proxy's
 * transaction layer, so an app's INVITE can be taken over from the proxy core and answered as a
 * UAS (RFC 3261 s13.3, {@link AppDialog}) or bridged ({@link AppB2bua}).
 *
 * <p>What it takes from the proxy core:
 * <ul>
 * <li>requests inside an app's dialog or bridge leg (s12.2.2), and a request with a To tag
 * addressed to this node (Request-URI this node, no Route left) that matches none: 481;</li>
 * <li>ACK for an app's 2xx (and for a leg's), handed to {@code @Ack};</li>
 * <li>CANCEL of an INVITE an app took: unanswered, the INVITE is answered 487 and {@code @Cancel}
 * runs (s9.2); bridged, it cancels the outgoing leg; proxied, it stays with the proxy core
 * (s16.10);</li>
 * <li>2xx retransmissions for bridge legs (the UA ACKs them again, s13.2.2.4).</li>
 * </ul>
 */
final class AppDialogs implements LocalEndpoint {

    private static final System.Logger LOG = System.getLogger(AppDialogs.class.getName());

    /** Runs an app handler (the dispatcher's invoke: 500 on a throw if undecided). */
    @FunctionalInterface
    interface HandlerInvoker {
        void invoke(AppDescriptor app, AppHandler handler, AppSipRequest request, AppCall call);
    }

    private final UserAgent agent;
    private final ProxyConfig config;
    private final HandlerInvoker invoker;
    private final AppMedia media;
    private final ConcurrentMap<ServerTransaction, AppSipRequest> invites = new ConcurrentHashMap<>();
    private final ConcurrentMap<DialogId, AppDialog> dialogs = new ConcurrentHashMap<>();
    private final Set<AppB2bua> bridges = ConcurrentHashMap.newKeySet();

    AppDialogs(StatefulProxy proxy, HandlerInvoker invoker, AppMedia media) {
        this.config = proxy.config();
        this.invoker = invoker;
        this.media = media;
        this.agent = new UserAgent(proxy.transactions(), UserAgentConfig.of(config.host(), config.port(), config.transport())
                .withTransactions(config.transactions()), config.resolver());
    }

    /** The calls answered with media. */
    AppMedia media() {
        return media;
    }

    UserAgent userAgent() {
        return agent;
    }

    /** Every leg apps hold now, for {@link ActiveDialogs}. */
    List<AppLeg> legs() {
        List<AppLeg> legs = new ArrayList<>();
        for (AppSipRequest invite : invites.values()) {
            if (invite.decision() == AppSipRequest.Decision.UNDECIDED
                    || invite.decision() == AppSipRequest.Decision.MEDIA) {
                legs.add(invite);
            }
        }
        legs.addAll(dialogs.values());
        legs.addAll(bridges);
        return legs;
    }

    /** Watches an initial INVITE an app takes, for its CANCEL and for hangups before it is decided. */
    void track(AppSipRequest invite) {
        invites.put(invite.proxyTransaction().serverTransaction(), invite);
        invite.call().attach(invite);
    }

    /**
     * Answers {@code invite} with a 2xx as a UAS (called under the call's lock, the decision
     * taken): To tag, Contact (the address the INVITE arrived at) unless the app gave one, the
     * dialog, and the 2xx retransmitted until the ACK by the stack's {@link IncomingCall}.
     */
    void answer(AppSipRequest invite, int status, String reason, Map<String, String> headers, String contentType,
                byte[] body) {
        ServerInviteTransaction server = (ServerInviteTransaction) invite.proxyTransaction().takeOver();
        IncomingCall incoming = agent.adopt(invite.stackRequest(), server);
        SipResponse.Builder builder = incoming.newResponse(status);
        if (reason != null) {
            builder.reason(reason);
        }
        headers.forEach(builder::header);
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase(HeaderNames.CONTACT) || name.equals("m"))) {
            builder.contact(contactFor(server.flow()));
        }
        if (body != null) {
            builder.body(contentType, body);
        }
        SipResponse ok = builder.build();
        DialogId id = DialogId.ofSentResponse(ok);
        AppDialog dialog = new AppDialog(this, invite, incoming);
        dialogs.put(id, dialog);
        invite.call().attach(dialog);
        incoming.ended().whenComplete((end, failure) -> {
            dialogs.remove(id, dialog);
            dialog.onEnded(end);
        });
        try {
            incoming.answer(ok);
        } catch (DialogException | IllegalArgumentException bad) {
            // s12.1.1 needs the INVITE's Contact as the remote target: without it no dialog
            LOG.log(Level.INFO, () -> AppCodes.NO_DIALOG + " " + invite + ": " + bad.getMessage());
            dialogs.remove(id, dialog);
            incoming.reject(400);
            invite.finish();
        }
    }

    /** Bridges {@code invite} to {@code target} (called under the call's lock, the decision taken). */
    AppB2bua bridge(AppSipRequest invite, SipUri target) {
        ServerInviteTransaction server = (ServerInviteTransaction) invite.proxyTransaction().takeOver();
        IncomingCall caller = agent.adopt(invite.stackRequest(), server);
        B2buaCall call = B2buaCall.bridge(agent, caller, B2buaRoute.bridgeTo(Address.of(target), null));
        AppB2bua bridge = new AppB2bua(call);
        bridges.add(bridge);
        invite.call().attach(bridge);
        call.ended().whenComplete((end, failure) -> {
            bridges.remove(bridge);
            invite.finish();
        });
        return bridge;
    }

    /** The Contact of this node for a dialog whose request arrived on {@code flow} (s12.1.1, s8.1.1.8). */
    Address contactFor(Flow flow) {
        InetSocketAddress local = flow.local();
        InetAddress address = local.getAddress();
        String host = address == null || address.isAnyLocalAddress() ? config.host() : literal(address);
        SipUri.Builder uri = SipUri.builder().scheme("sip").user(agent.config().user()).host(host).port(local.getPort());
        if (flow.transport() != TransportType.UDP) {
            uri.parameter("transport", flow.transport().viaToken().toLowerCase(Locale.ROOT));
        }
        return Address.of(uri.build());
    }

    @Override
    public boolean onInDialogRequest(SipRequest request, ServerTransaction transaction) {
        DialogId id = DialogId.ofReceivedRequest(request);
        AppDialog dialog = dialogs.get(id);
        if (dialog != null) {
            dialog.onRequest(request, transaction);
            return true;
        }
        if (agent.callOf(id).isPresent()) {
            agent.transactionUser().onRequest(request, transaction);
            return true;
        }
        if (addressedHere(request, transaction.flow())) {
            transaction.respond(SipResponse.replyTo(request, 481).build());
            return true;
        }
        return false;
    }

    @Override
    public boolean onAck(SipRequest ack, Flow flow) {
        DialogId id = DialogId.ofReceivedRequest(ack);
        AppDialog dialog = dialogs.get(id);
        if (dialog != null) {
            agent.transactionUser().onAck(ack, flow);
            dialog.onAck(ack);
            return true;
        }
        if (agent.callOf(id).isPresent()) {
            agent.transactionUser().onAck(ack, flow);
            return true;
        }
        // an ACK for a dialog that is gone (e.g. a retransmission after BYE) ends here, not in a loop
        return addressedHere(ack, flow);
    }

    @Override
    public boolean onCancel(SipRequest cancel, ServerInviteTransaction transaction) {
        AppSipRequest invite = invites.get(transaction);
        if (invite == null) {
            return false;
        }
        while (true) {
            switch (invite.decision()) {
                case UNDECIDED, MEDIA -> {
                    AppCall call = invite.call();
                    boolean held = call.tryHold();
                    try {
                        if (invite.cancelUndecided()) {
                            notify(invite.app(), HandlerKind.CANCEL, cancel, call);
                            return true;
                        }
                    } finally {
                        if (held) {
                            call.release();
                        }
                    }
                }
                case PROXIED -> {
                    return false;
                }
                case BRIDGED -> {
                    agent.transactionUser().onCancel(cancel, transaction);
                    return true;
                }
                default -> {
                    // answered already: the CANCEL has no effect on the INVITE (s9.2)
                    return true;
                }
            }
        }
    }

    @Override
    public boolean onStrayResponse(SipResponse response, Flow flow) {
        if (agent.dialogs().findForResponse(response).isPresent()) {
            agent.transactionUser().onStrayResponse(response, flow);
            return true;
        }
        return false;
    }

    @Override
    public void onServerTransactionFailure(ServerTransaction transaction, TransactionFailure failure) {
        agent.transactionUser().onServerTransactionFailure(transaction, failure);
    }

    @Override
    public void onServerTransactionTerminated(ServerTransaction transaction) {
        invites.remove(transaction);
        agent.transactionUser().onServerTransactionTerminated(transaction);
    }

    /** Hands an in-dialog request to the app's handler for its method (405 / 501 / OPTIONS 200 without one). */
    void dispatchInDialog(AppDialog dialog, AppDescriptor app, AppCall call, SipRequest request,
                          ServerTransaction server) {
        Optional<AppHandler> handler = app.requestHandler(request.method());
        if (handler.isEmpty()) {
            server.respond(withoutHandler(request, app.allowedMethods()));
            return;
        }
        AppSipRequest view = AppSipRequest.inDialog(request, server, dialog, call, app, this);
        call.runSerially(() -> invoker.invoke(app, handler.get(), view, call));
    }

    /** Calls the app's handler of {@code kind} (ACK, BYE, CANCEL) with a request the container answered. */
    void notify(AppDescriptor app, HandlerKind kind, SipRequest request, AppCall call) {
        Optional<AppHandler> handler = app.handler(kind);
        if (handler.isEmpty()) {
            return;
        }
        AppSipRequest view = AppSipRequest.answered(request, call);
        call.runSerially(() -> invoker.invoke(app, handler.get(), view, call));
    }

    /** s12.2.2 for a request no dialog here matches: is it for this node (then 481) or to proxy on? */
    private boolean addressedHere(SipRequest request, Flow flow) {
        if (!request.routes().isEmpty() || !(request.requestUri() instanceof SipUri sip)) {
            return false;
        }
        if (config.isSelf(sip)) {
            return true;
        }
        int port = sip.port() > 0 ? sip.port() : sip.secure() ? 5061 : ProxyConfig.DEFAULT_SIP_PORT;
        InetAddress local = flow.local().getAddress();
        if (port != flow.local().getPort() || local == null) {
            return false;
        }
        String host = sip.host();
        return host.equalsIgnoreCase(config.host()) || host.equalsIgnoreCase(literal(local))
                || host.equalsIgnoreCase(local.getHostAddress());
    }

    private static SipResponse withoutHandler(SipRequest request, List<String> allowed) {
        String allow = String.join(", ", allowed);
        if (SipMethod.OPTIONS.equals(request.method())) {
            return SipResponse.replyTo(request, 200).setHeader(HeaderNames.ALLOW, allow).build();
        }
        return SipResponse.replyTo(request, SipMethod.isKnown(request.method()) ? 405 : 501)
                .setHeader(HeaderNames.ALLOW, allow).build();
    }

    private static String literal(InetAddress address) {
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }
}
