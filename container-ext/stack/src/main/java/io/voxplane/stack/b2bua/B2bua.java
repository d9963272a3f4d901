package io.voxplane.stack.b2bua;

import io.voxplane.stack.timer.TimerService;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.ua.IncomingCall;
import io.voxplane.stack.ua.TargetResolver;
import io.voxplane.stack.ua.UserAgent;
import io.voxplane.stack.ua.UserAgentConfig;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A back-to-back user agent core: every incoming INVITE becomes a {@link B2buaCall} that bridges
 * it to the callee its {@link B2buaRouter} picks.
 *
 * <p>Built on the stack's {@link UserAgent} rather than directly on the transaction layer: each
 * leg is a complete UA dialog (To tags, CSeq, Route sets, 2xx retransmission and ACK, BYE and
 * CANCEL handling, RFC 3261 s12-s15) that the UA already implements and tests; the B2BUA only
 * links the two legs' events. The price is that the legs share nothing on the wire (new Call-ID,
 * tags and branches on B, as a B2BUA should) and that only what the UA exposes is relayed (the
 * provisional statuses and bodies, the 2xx body; no re-INVITE or INFO pass-through yet).
 *
 * <p>Wiring: hand it the transport's {@link MessageSender} and a {@link TimerService}; plug
 * {@link #inboundHandler()} into the transport. It creates no threads.
 */
public final class B2bua {

    private final UserAgent agent;
    private final B2buaRouter router;
    private final Set<B2buaCall> calls = ConcurrentHashMap.newKeySet();
    private volatile Consumer<B2buaCall> onNewCall = call -> { };

    public B2bua(MessageSender sender, TimerService timers, UserAgentConfig config, TargetResolver resolver,
                 B2buaRouter router) {
        this.router = Objects.requireNonNull(router, "router");
        this.agent = new UserAgent(sender, timers, config, this::onInvite, resolver);
    }

    public B2bua(MessageSender sender, TimerService timers, UserAgentConfig config, B2buaRouter router) {
        this(sender, timers, config, TargetResolver.literalOnly(), router);
    }

    /** Plug this into the transport. */
    public InboundMessageHandler inboundHandler() {
        return agent.inboundHandler();
    }

    /** The user agent both legs live on. */
    public UserAgent userAgent() {
        return agent;
    }

    /** Bridged calls not ended yet. */
    public int activeCalls() {
        return calls.size();
    }

    /** Called with every new call, right after its B leg was placed (for apps and tests that watch calls). */
    public void onNewCall(Consumer<B2buaCall> listener) {
        onNewCall = Objects.requireNonNull(listener, "listener");
    }

    /** Terminates every transaction and forgets every call; new requests get 503. */
    public void shutdown() {
        agent.shutdown();
    }

    private void onInvite(IncomingCall incoming) {
        B2buaRoute route = router.route(incoming.invite());
        B2buaCall call = new B2buaCall(incoming);
        calls.add(call);
        call.ended().whenComplete((end, failure) -> calls.remove(call));
        call.start(agent, Objects.requireNonNull(route, "router returned no route"));
        onNewCall.accept(call);
    }
}
