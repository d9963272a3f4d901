package io.voxplane.runtime.app;

import io.voxplane.api.B2bua;
import io.voxplane.api.DialogState;
import io.voxplane.stack.b2bua.B2buaCall;
import io.voxplane.stack.b2bua.B2buaCallEnd;
import io.voxplane.stack.ua.CallFailedException;
import io.voxplane.stack.ua.CallState;
import io.voxplane.stack.ua.OutgoingCall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * An app's bridge (from {@code createB2bua}) over the stack's {@link B2buaCall}: two dialogs, the
 * caller's (this node its UAS) and the callee's (this node its UAC). Session descriptions pass
 * through unchanged (the INVITE's offer to the callee, the callee's 2xx answer to the caller).
 */
final class AppB2bua implements B2bua, AppLeg {

    private final B2buaCall bridge;
    private final CompletableFuture<Integer> answered;

    AppB2bua(B2buaCall bridge) {
        this.bridge = bridge;
        OutgoingCall outgoing = bridge.bLeg();
        answered = outgoing == null
                ? bridge.ended().thenApply(B2buaCallEnd::status)
                : outgoing.answered().handle((ok, failure) -> ok != null ? ok.status() : statusOf(failure));
    }

    B2buaCall bridge() {
        return bridge;
    }

    @Override
    public CompletionStage<Integer> answered() {
        return answered;
    }

    @Override
    public void hangup() {
        bridge.hangup();
    }

    @Override
    public DialogState dialogState() {
        return switch (bridge.state()) {
            case CALLING, EARLY -> DialogState.PENDING;
            case CONNECTED -> DialogState.CONFIRMED;
            case ENDED -> DialogState.TERMINATED;
        };
    }

    @Override
    public int confirmedDialogs() {
        OutgoingCall outgoing = bridge.bLeg();
        return (bridge.aLeg().state() == CallState.CONFIRMED ? 1 : 0)
                + (outgoing != null && outgoing.state() == CallState.CONFIRMED ? 1 : 0);
    }

    @Override
    public CompletionStage<Void> terminate() {
        bridge.hangup();
        return bridge.settled();
    }

    private static int statusOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof CallFailedException failed ? failed.status() : 500;
    }

    @Override
    public String toString() {
        return "AppB2bua[" + bridge + "]";
    }
}
