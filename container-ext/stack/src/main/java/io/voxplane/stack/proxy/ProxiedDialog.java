package io.voxplane.stack.proxy;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Uri;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.ua.TargetResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A confirmed dialog this proxy record-routed (RFC 3261 s12.1), as {@link ProxiedDialogs} keeps
 * it: what the proxy needs to end the call itself with a BYE to each side (s15.1.1), as Kamailio's
 * dialog module does.
 *
 * <p>Per side: its address with tag (the INVITE's From for the caller, the 2xx's To for the
 * callee), its remote target (the INVITE's Contact, the 2xx's Contact; updated by target refresh
 * requests, s12.2), the route set from this proxy toward it (the Record-Route entries of the 2xx
 * on its side of the proxy's own entry, s12.1: empty when this proxy is the only one), the next
 * hop it was reached on (used when that route set is empty: the flow the INVITE came on, the
 * target the INVITE branch went to), and the highest CSeq it has sent through this proxy.
 *
 * <p>The BYE toward a side (s12.2.1.1 from the other side's point of view) has: Request-URI the
 * side's remote target, From the other side's address, To this side's address, the dialog's
 * Call-ID, CSeq one more than the highest the other side sent (so the receiver, whose remote CSeq
 * is that value, s12.2.2, takes it as in order; {@link #FRESH_CSEQ} when the other side never
 * sent one), Route the route set toward the side, and a Via of this proxy with a new branch.
 *
 * <p>Thread-safe: the identity and route sets are fixed; remote targets are volatile and the CSeq
 * counters only grow (lock-free max).
 */
public final class ProxiedDialog {

    /**
     * CSeq of a BYE toward a side (in practice the caller) that has never received a request from
     * the other side through this proxy: any value is in order for a UA whose remote CSeq is
     * still empty (s12.2.2). Not configurable.
     */
    static final long FRESH_CSEQ = 1;

    private final ProxiedDialogId id;
    // Kept as text, parsed again only to build a BYE: a parsed Address or Uri holds several
    // objects (about 2 KB per dialog in all, against under 1 KB as text).
    private final String caller;
    private final String callee;
    private final List<Address> routeTowardCaller;
    private final List<Address> routeTowardCallee;
    private final Target callerHop;
    private final Target calleeHop;
    private final AtomicLong highestFromCaller;
    private final AtomicLong highestFromCallee = new AtomicLong();
    private volatile String callerTarget;
    private volatile String calleeTarget;
    private volatile long lastActivityNanos;

    private ProxiedDialog(ProxiedDialogId id, String caller, String callee, Uri callerTarget, Uri calleeTarget,
                          List<Address> routeTowardCaller, List<Address> routeTowardCallee, Target callerHop,
                          Target calleeHop, long inviteCSeq, long nowNanos) {
        this.id = id;
        this.caller = caller;
        this.callee = callee;
        this.callerTarget = callerTarget.toString();
        this.calleeTarget = calleeTarget.toString();
        this.routeTowardCaller = List.copyOf(routeTowardCaller);
        this.routeTowardCallee = List.copyOf(routeTowardCallee);
        this.callerHop = callerHop;
        this.calleeHop = calleeHop;
        this.highestFromCaller = new AtomicLong(inviteCSeq);
        this.lastActivityNanos = nowNanos;
    }

    /**
     * The dialog a 2xx to an initial INVITE creates, seen by the proxy that forwarded both.
     *
     * @param config     the proxy's settings (which Record-Route entry is its own)
     * @param invite     the INVITE as received from the caller
     * @param callerFlow the flow the INVITE came on
     * @param calleeHop  where the branch that got the 2xx sent the INVITE
     * @param ok         the 2xx as received from downstream
     * @param nowNanos   the proxy's timer clock now ({@link io.voxplane.stack.timer.TimerService#nanoTime()})
     * @return empty when the proxy cannot track it: no Contact on either side, or no Record-Route
     *         entry of this proxy in the 2xx (then the dialog's requests do not pass through here)
     */
    static Optional<ProxiedDialog> of(ProxyConfig config, SipRequest invite, Flow callerFlow, Target calleeHop,
                                      SipResponse ok, long nowNanos) {
        if (invite.contacts().isEmpty() || ok.contacts().isEmpty()) {
            return Optional.empty();
        }
        List<Address> recordRoutes = ok.recordRoutes();
        int firstOwn = -1;
        int lastOwn = -1;
        for (int i = 0; i < recordRoutes.size(); i++) {
            if (config.isSelf(recordRoutes.get(i).uri())) {
                firstOwn = firstOwn < 0 ? i : firstOwn;
                lastOwn = i;
            }
        }
        if (firstOwn < 0) {
            return Optional.empty();
        }
        // Record-Route lists the proxy nearest the callee first (each proxy pushes on top, s16.6)
        List<Address> towardCallee = new ArrayList<>(recordRoutes.subList(0, firstOwn)).reversed();
        List<Address> towardCaller = recordRoutes.subList(lastOwn + 1, recordRoutes.size());
        ProxiedDialogId id = new ProxiedDialogId(ok.callId(), invite.from().tag().orElse(""), ok.to().tag().orElse(""));
        // the header text as received is the wire form already: no need to print the parsed value
        String caller = invite.header(HeaderNames.FROM).orElseGet(() -> invite.from().toString());
        String callee = ok.header(HeaderNames.TO).orElseGet(() -> ok.to().toString());
        return Optional.of(new ProxiedDialog(id, caller, callee, invite.contacts().get(0).uri(),
                ok.contacts().get(0).uri(), towardCaller, towardCallee,
                new Target(callerFlow.transport(), callerFlow.remote()), calleeHop, invite.cseq().number(), nowNanos));
    }

    public ProxiedDialogId id() {
        return id;
    }

    /**
     * The side's address with its tag: the INVITE's From (caller) or the 2xx's To (callee).
     *
     * @throws IllegalStateException {@code VXPRX-900} if the kept text no longer parses (a bug)
     */
    public Address address(DialogSide side) {
        String text = side == DialogSide.CALLER ? caller : callee;
        try {
            return Address.parse(text);
        } catch (SipParseException e) {
            throw new IllegalStateException(ProxyException.INTERNAL + " kept address does not parse: " + text, e);
        }
    }

    /**
     * The side's remote target (its latest Contact).
     *
     * @throws IllegalStateException {@code VXPRX-900} if the kept text no longer parses (a bug)
     */
    public Uri remoteTarget(DialogSide side) {
        String text = side == DialogSide.CALLER ? callerTarget : calleeTarget;
        try {
            return Uri.parse(text);
        } catch (SipParseException e) {
            throw new IllegalStateException(ProxyException.INTERNAL + " kept remote target does not parse: " + text, e);
        }
    }

    /** The route set from this proxy toward the side, nearest hop first. */
    public List<Address> routeToward(DialogSide side) {
        return side == DialogSide.CALLER ? routeTowardCaller : routeTowardCallee;
    }

    /** The highest CSeq number the side has sent through this proxy (0: none yet from the callee). */
    public long highestCSeqFrom(DialogSide side) {
        return (side == DialogSide.CALLER ? highestFromCaller : highestFromCallee).get();
    }

    /** A request of this dialog from {@code side} passed through: keep the highest CSeq. */
    void requestSeen(DialogSide side, long cseq) {
        (side == DialogSide.CALLER ? highestFromCaller : highestFromCallee).accumulateAndGet(cseq, Math::max);
    }

    /** A request of this dialog passed through at {@code nowNanos} (timer clock): the dialog is alive. */
    void touch(long nowNanos) {
        lastActivityNanos = nowNanos;
    }

    /** True when no request passed through for longer than {@code maxIdle} up to {@code nowNanos}. */
    boolean idleLongerThan(Duration maxIdle, long nowNanos) {
        return nowNanos - lastActivityNanos > maxIdle.toNanos();
    }

    /** A target refresh (s12.2) from or for {@code side} carried a new Contact. */
    void remoteTarget(DialogSide side, Uri target) {
        String text = target.toString();
        if (side == DialogSide.CALLER) {
            callerTarget = text;
        } else {
            calleeTarget = text;
        }
    }

    /**
     * Where the BYE toward {@code side} goes: its first Route resolved, else the hop the side was
     * reached on.
     *
     * @throws io.voxplane.stack.ua.UserAgentException {@code VXUA-001} when the Route cannot be resolved
     */
    Target nextHopToward(DialogSide side, TargetResolver resolver) {
        List<Address> route = routeToward(side);
        if (!route.isEmpty()) {
            return resolver.resolve(route.get(0).uri());
        }
        return side == DialogSide.CALLER ? callerHop : calleeHop;
    }

    /**
     * The BYE this proxy sends toward {@code side} over {@code hop} (see the class javadoc), with a
     * Reason header (RFC 3326) when {@code reason} is not null.
     */
    SipRequest byeToward(DialogSide side, ProxyConfig config, Target hop, String reason) {
        DialogSide other = side.opposite();
        long cseq = highestCSeqFrom(other) == 0 ? FRESH_CSEQ : Math.min(highestCSeqFrom(other) + 1, CSeq.MAX);
        SipRequest.Builder bye = SipRequest.builder(SipMethod.BYE, remoteTarget(side))
                .via(config.via(hop.transport(), SipIdGenerator.newBranch()))
                .from(address(other))
                .to(address(side))
                .callId(id.callId())
                .cseq(new CSeq(cseq, SipMethod.BYE))
                .maxForwards(ProxyConfig.DEFAULT_MAX_FORWARDS);
        List<Address> route = routeToward(side);
        if (!route.isEmpty()) {
            bye.routes(route);
        }
        if (reason != null) {
            bye.header(ProxiedDialogs.REASON, reason);
        }
        return bye.build();
    }

    @Override
    public String toString() {
        return "ProxiedDialog[" + id.callId() + " caller " + id.callerTag() + " callee " + id.calleeTag() + "]";
    }
}
