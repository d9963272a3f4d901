package io.voxplane.runtime.app;

import io.voxplane.api.DialogState;
import java.util.concurrent.CompletionStage;

/**
 * What an app holds in a call as a user agent: an INVITE it has not answered yet
 * ({@link AppSipRequest}), the UAS dialog its 2xx created ({@link AppDialog}), or a bridge
 * ({@link AppB2bua}). {@link AppCall#hangup()} and {@link ActiveDialogs} act through it.
 */
interface AppLeg {

    DialogState dialogState();

    /** Dialogs of this leg now confirmed (a bridge counts each leg). */
    int confirmedDialogs();

    /**
     * Ends the leg as its state asks: BYE on confirmed dialogs, 487 to an unanswered INVITE,
     * CANCEL to an unanswered outgoing INVITE. Completes when the BYE transactions completed (or
     * at once when nothing was sent). Idempotent.
     */
    CompletionStage<Void> terminate();
}
