package io.voxplane.stack.dialog;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A dialog (RFC 3261 s12): the peer-to-peer relationship that an INVITE's 1xx-with-tag or 2xx
 * creates, with the state needed to send requests inside it.
 *
 * <ul>
 * <li>Creation: {@link #createAsUac} (s12.1.2: route set from the response's Record-Route,
 * reversed; remote target from its Contact) and {@link #createAsUas} (s12.1.1: route set from the
 * request's Record-Route in order; remote target from the request's Contact).</li>
 * <li>Requests: {@link #newRequest} (s12.2.1.1: CSeq, Request-URI and Route for loose and strict
 * routing), {@link #newAck} (s13.2.2.4).</li>
 * <li>Receiving: {@link #acceptRemoteRequest} (s12.2.2: CSeq ordering, target refresh).</li>
 * <li>States: {@link DialogState}.</li>
 * </ul>
 *
 * <p>The builders returned carry no Via: the transaction user adds one with a new branch, and
 * its Contact. Thread-safe (all state under the dialog's monitor).
 */
public final class Dialog {

    /** Empty local or remote sequence number (s12.1.1, s12.1.2). */
    public static final long NO_SEQUENCE = -1;

    private final DialogId id;
    private final DialogRole role;
    private final Address localAddress;
    private final Address remoteAddress;
    private final boolean secure;
    private DialogState state;
    private long localSeq;
    private long remoteSeq;
    private Uri remoteTarget;
    private List<Address> routeSet;

    private Dialog(DialogId id, DialogRole role, Address localAddress, Address remoteAddress, boolean secure,
                   DialogState state, long localSeq, long remoteSeq, Uri remoteTarget, List<Address> routeSet) {
        this.id = id;
        this.role = role;
        this.localAddress = localAddress;
        this.remoteAddress = remoteAddress;
        this.secure = secure;
        this.state = state;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
    }

    /**
     * The UAC side of a dialog created by {@code response} to {@code request} (s12.1.2).
     *
     * A provisional response without Contact leaves the Request-URI as remote target until the 2xx.
     *
     * @throws DialogException {@code VXDLG-003} when the response is not a 1xx (other than 100) or 2xx
     *                         with a To tag, or is a 2xx without Contact
     */
    public static Dialog createAsUac(SipRequest request, SipResponse response) {
        requireDialogCreating(response);
        List<Address> routes = new ArrayList<>(response.recordRoutes());
        Collections.reverse(routes);
        return new Dialog(DialogId.ofReceivedResponse(response), DialogRole.UAC, request.from(), response.to(),
                isSecure(request), response.isProvisional() ? DialogState.EARLY : DialogState.CONFIRMED,
                request.cseq().number(), NO_SEQUENCE,
                response.contacts().isEmpty() && response.isProvisional() ? request.requestUri() : requireContact(response),
                List.copyOf(routes));
    }

    /**
     * The UAS side of the dialog that {@code response}, sent to {@code request}, creates (s12.1.1).
     *
     * @throws DialogException {@code VXDLG-003} when the response is not a 1xx (other than 100) or 2xx
     *                         with a To tag, or the request has no Contact
     */
    public static Dialog createAsUas(SipRequest request, SipResponse response) {
        requireDialogCreating(response);
        return new Dialog(DialogId.ofSentResponse(response), DialogRole.UAS, response.to(), request.from(),
                isSecure(request), response.isProvisional() ? DialogState.EARLY : DialogState.CONFIRMED,
                NO_SEQUENCE, request.cseq().number(), requireContact(request), List.copyOf(request.recordRoutes()));
    }

    public DialogId id() {
        return id;
    }

    public DialogRole role() {
        return role;
    }

    /** The local URI with the local tag (From of requests this UA sends in the dialog). */
    public Address localAddress() {
        return localAddress;
    }

    /** The remote URI with the remote tag (To of requests this UA sends in the dialog). */
    public Address remoteAddress() {
        return remoteAddress;
    }

    /** True when the dialog-creating request used a SIPS Request-URI. */
    public boolean secure() {
        return secure;
    }

    public synchronized DialogState state() {
        return state;
    }

    /** The local CSeq number last used, or {@link #NO_SEQUENCE}. */
    public synchronized long localSeq() {
        return localSeq;
    }

    /** The highest CSeq number received from the peer, or {@link #NO_SEQUENCE}. */
    public synchronized long remoteSeq() {
        return remoteSeq;
    }

    /** Where in-dialog requests go (the peer's Contact, s12.1). */
    public synchronized Uri remoteTarget() {
        return remoteTarget;
    }

    /** The route set, in the order requests traverse it. */
    public synchronized List<Address> routeSet() {
        return routeSet;
    }

    /**
     * A new in-dialog request (s12.2.1.1) with the next local CSeq number: To, From, Call-ID,
     * CSeq, Request-URI and Route set; the caller adds Via, Contact and body.
     *
     * <p>Routing: with an empty route set the Request-URI is the remote target. If the first
     * route has {@code lr} (loose routing) the Request-URI is the remote target and the Route
     * header is the route set. Otherwise (a strict router) the Request-URI is the first route's
     * URI without URI headers and {@code method} parameter, and the Route header is the rest of
     * the route set followed by the remote target.
     *
     * @throws DialogException {@code VXDLG-004} when the dialog has terminated
     * @throws IllegalArgumentException for ACK and CANCEL, which are not built this way
     */
    public synchronized SipRequest.Builder newRequest(String method) {
        if (SipMethod.ACK.equals(method) || SipMethod.CANCEL.equals(method)) {
            throw new IllegalArgumentException(method + " is not a new in-dialog request: use newAck or CANCEL of the request");
        }
        requireNotTerminated(method);
        localSeq = localSeq == NO_SEQUENCE ? 1 : localSeq + 1;
        return routed(method, new CSeq(localSeq, method));
    }

    /**
     * The ACK for a 2xx to the INVITE with CSeq number {@code inviteSeq} (s13.2.2.4): built like
     * an in-dialog request but with the INVITE's CSeq number and method ACK. The caller adds a Via
     * with a new branch.
     */
    public synchronized SipRequest.Builder newAck(long inviteSeq) {
        return routed(SipMethod.ACK, new CSeq(inviteSeq, SipMethod.ACK));
    }

    /**
     * Checks an in-dialog request from the peer (s12.2.2) and updates the remote CSeq and, for a
     * target refresh (INVITE, UPDATE) with a Contact, the remote target.
     *
     * @return false when the request is out of order (its CSeq is lower than the remote CSeq): the
     *         UAS answers 500. ACK and CANCEL are never out of order here.
     */
    public synchronized boolean acceptRemoteRequest(SipRequest request) {
        if (request.isAck() || request.isCancel()) {
            return true;
        }
        long number = request.cseq().number();
        if (remoteSeq != NO_SEQUENCE && number < remoteSeq) {
            return false;
        }
        remoteSeq = number;
        if (isTargetRefresh(request.method()) && !request.contacts().isEmpty()) {
            remoteTarget = request.contacts().get(0).uri();
        }
        return true;
    }

    /**
     * Applies a response this UA received to a request it sent in (or to create) the dialog:
     * a 2xx to INVITE confirms an early dialog and recomputes the route set (s13.2.2.4); a 2xx to
     * a target refresh updates the remote target (s12.2.1.2); a non-2xx final response to the
     * INVITE of an early dialog ends it; 481 and 408 end the dialog (s12.2.1.2).
     */
    public synchronized void onResponseReceived(SipResponse response) {
        if (state == DialogState.TERMINATED) {
            return;
        }
        int status = response.status();
        String method = response.cseq().method();
        if (status == 481 || status == 408) {
            state = DialogState.TERMINATED;
            return;
        }
        if (response.statusClass() == 2) {
            if (isTargetRefresh(method) && !response.contacts().isEmpty()) {
                remoteTarget = response.contacts().get(0).uri();
            }
            if (state == DialogState.EARLY && SipMethod.INVITE.equals(method)) {
                state = DialogState.CONFIRMED;
                if (role == DialogRole.UAC) {
                    List<Address> routes = new ArrayList<>(response.recordRoutes());
                    Collections.reverse(routes);
                    routeSet = List.copyOf(routes);
                }
            }
        } else if (response.isFinal() && state == DialogState.EARLY && SipMethod.INVITE.equals(method)) {
            state = DialogState.TERMINATED;
        }
    }

    /**
     * Applies a response this UA sent as UAS to the dialog-creating INVITE: 2xx confirms an early
     * dialog, a non-2xx final response ends it (s12.3 and s13.3.1.4).
     */
    public synchronized void onResponseSent(SipResponse response) {
        if (state != DialogState.EARLY || !SipMethod.INVITE.equals(response.cseq().method())) {
            return;
        }
        if (response.statusClass() == 2) {
            state = DialogState.CONFIRMED;
        } else if (response.isFinal()) {
            state = DialogState.TERMINATED;
        }
    }

    /** Ends the dialog (BYE sent or received, s15). Idempotent. */
    public synchronized void terminate() {
        state = DialogState.TERMINATED;
    }

    /** Target refresh requests of RFC 3261 (s12.2) and RFC 3311 (UPDATE). */
    static boolean isTargetRefresh(String method) {
        return SipMethod.INVITE.equals(method) || SipMethod.UPDATE.equals(method);
    }

    /** True when {@code route} names a loose router (s16.12.1.1: its URI has {@code lr}). */
    static boolean isLooseRouter(Address route) {
        return route.uri() instanceof SipUri sip && sip.lr();
    }

    private SipRequest.Builder routed(String method, CSeq cseq) {
        Uri requestUri;
        List<Address> routes;
        if (routeSet.isEmpty()) {
            requestUri = remoteTarget;
            routes = List.of();
        } else if (isLooseRouter(routeSet.get(0))) {
            requestUri = remoteTarget;
            routes = routeSet;
        } else {
            Uri first = routeSet.get(0).uri();
            requestUri = first instanceof SipUri sip ? sip.withoutHeaders().withoutParameter("method") : first;
            List<Address> rest = new ArrayList<>(routeSet.subList(1, routeSet.size()));
            rest.add(Address.of(remoteTarget));
            routes = rest;
        }
        return SipRequest.builder(method, requestUri)
                .from(localAddress)
                .to(remoteAddress)
                .callId(id.callId())
                .cseq(cseq)
                .maxForwards(70)
                .routes(routes);
    }

    private void requireNotTerminated(String method) {
        if (state == DialogState.TERMINATED) {
            throw new DialogException(DialogException.TERMINATED, "dialog " + id + " has terminated; cannot send " + method);
        }
    }

    private static void requireDialogCreating(SipResponse response) {
        boolean creating = response.statusClass() == 2 || (response.isProvisional() && response.status() != 100);
        if (!creating || response.to().tag().isEmpty()) {
            throw new DialogException(DialogException.CANNOT_CREATE, "response " + response.status()
                    + " to " + response.cseq() + " cannot create a dialog (needs 101-199 or 2xx with a To tag)");
        }
    }

    private static Uri requireContact(io.voxplane.sip.SipMessage message) {
        if (message.contacts().isEmpty()) {
            throw new DialogException(DialogException.CANNOT_CREATE, "no Contact in " + (message.isRequest()
                    ? ((SipRequest) message).method() : ((SipResponse) message).status() + " response")
                    + ": no remote target for the dialog");
        }
        return message.contacts().get(0).uri();
    }

    private static boolean isSecure(SipRequest request) {
        return request.requestUri() instanceof SipUri sip && sip.secure();
    }

    @Override
    public synchronized String toString() {
        return "Dialog[" + id + " " + role + " " + state + " local=" + localSeq + " remote=" + remoteSeq + "]";
    }
}
