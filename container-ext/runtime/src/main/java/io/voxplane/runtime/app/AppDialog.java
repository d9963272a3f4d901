package io.voxplane.runtime.app;

import io.voxplane.api.DialogState;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.dialog.DialogMatch;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.ua.CallEnd;
import io.voxplane.stack.ua.CallState;
import io.voxplane.stack.ua.IncomingCall;
import io.voxplane.stack.ua.UserAgentException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The UAS dialog an app's 2xx to an INVITE created (RFC 3261 s12.1.1), on the stack's
 * {@link IncomingCall} (which retransmits the 2xx until the ACK, s13.3.1.4, and sends BYE when
 * none comes). Requests inside it go to the app: ACK to {@code @Ack}; BYE is answered 200 by the
 * container (s15.1.2), then {@code @Bye} runs and the call ends; any other method (re-INVITE,
 * UPDATE, INFO, MESSAGE, OPTIONS) to the app's handler for it, after the s12.2.2 CSeq check
 * (500 when lower than the remote CSeq).
 */
final class AppDialog implements AppLeg {

    private final AppDialogs owner;
    private final AppSipRequest invite;
    private final IncomingCall incoming;

    AppDialog(AppDialogs owner, AppSipRequest invite, IncomingCall incoming) {
        this.owner = owner;
        this.invite = invite;
        this.incoming = incoming;
    }

    IncomingCall incoming() {
        return incoming;
    }

    /** The dialog's call ended some way other than the peer's BYE (which {@link #onRequest} finishes). */
    void onEnded(CallEnd end) {
        if (end == null || end.reason() != CallEnd.Reason.REMOTE_BYE) {
            invite.finish();
        }
    }

    void onRequest(SipRequest request, ServerTransaction server) {
        AppCall call = invite.call();
        if (SipMethod.BYE.equals(request.method())) {
            owner.userAgent().transactionUser().onRequest(request, server);
            CallEnd end = incoming.ended().getNow(null);
            if (end != null && end.reason() == CallEnd.Reason.REMOTE_BYE) {
                try {
                    owner.notify(invite.app(), HandlerKind.BYE, request, call);
                } finally {
                    invite.finish();
                    call.end();
                }
            }
            return;
        }
        DialogMatch match = owner.userAgent().dialogs().match(request);
        if (!match.accepted()) {
            server.respond(match.rejection(request));
            return;
        }
        if (SipMethod.INVITE.equals(request.method()) && owner.media().reinvite(this, call, request, server)) {
            return;
        }
        owner.dispatchInDialog(this, invite.app(), call, request, server);
    }

    void onAck(SipRequest ack) {
        owner.notify(invite.app(), HandlerKind.ACK, ack, invite.call());
    }

    @Override
    public DialogState dialogState() {
        return switch (incoming.state()) {
            case INITIATED, EARLY -> DialogState.PENDING;
            case CONFIRMED -> DialogState.CONFIRMED;
            case TERMINATED -> DialogState.TERMINATED;
        };
    }

    @Override
    public int confirmedDialogs() {
        return incoming.state() == CallState.CONFIRMED ? 1 : 0;
    }

    @Override
    public CompletionStage<Void> terminate() {
        if (incoming.state() != CallState.CONFIRMED) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return incoming.hangup().handle((response, failure) -> null);
        } catch (UserAgentException raced) {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Override
    public String toString() {
        return "AppDialog[" + incoming + "]";
    }
}
