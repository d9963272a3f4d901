package io.voxplane.runtime.app;

import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.Plane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The calls apps hold as user agents on this node, for a graceful shutdown: UAS dialogs their 2xx
 * created, INVITEs they have not answered yet, and both legs of their B2BUA bridges. Proxied
 * calls are not here (the proxy keeps no dialog state, RFC 3261 s16).
 *
 * <p>{@link #terminateAll} ends them as RFC 3261 asks: BYE on every confirmed dialog (s15.1.1),
 * 487 to every unanswered INVITE (s9.2: a UAS cannot CANCEL), CANCEL to every unanswered outgoing
 * B2BUA INVITE (s9.1). Call it while the signaling plane still runs (the BYEs and their answers
 * travel through it): a phased shutdown first stops taking new calls, then calls
 * {@code terminateAll}, then stops the planes. Thread-safe; before the signaling plane started
 * everything is 0 and {@code terminateAll} completes at once.
 */
@ApplicationScoped
public class ActiveDialogs {

    private static final System.Logger LOG = System.getLogger(ActiveDialogs.class.getName());

    /** Code of a call whose termination failed at once (the others are still ended). */
    static final String TERMINATE_FAILED = "VXRT-207";

    @Inject
    AppRequestDispatcher dispatcher;

    @Inject
    TaskTrackers trackers;

    /** Confirmed app dialogs now (a bridge with both legs answered counts 2). */
    public int confirmedCount() {
        int count = 0;
        for (AppLeg leg : legs()) {
            count += leg.confirmedDialogs();
        }
        return count;
    }

    /** App calls not confirmed yet: unanswered INVITEs and bridges whose outgoing leg rings. */
    public int pendingCount() {
        int count = 0;
        for (AppLeg leg : legs()) {
            if (leg.dialogState() == io.voxplane.api.DialogState.PENDING) {
                count++;
            }
        }
        return count;
    }

    /**
     * Hangs up every app call (see the class javadoc) and completes when every BYE transaction
     * completed, or when {@code timeout} passed (whichever comes first; never exceptionally).
     */
    public CompletionStage<Void> terminateAll(Duration timeout) {
        List<CompletableFuture<Void>> ends = new ArrayList<>();
        for (AppLeg leg : legs()) {
            // Each leg on its own: a leg whose BYE cannot be sent (a timer refused by a stopping
            // scheduler when the phase was forced) must not leave the other calls up.
            try {
                ends.add(leg.terminate().toCompletableFuture().exceptionally(failure -> null));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, () -> TERMINATE_FAILED + " could not end " + leg + ": " + e);
            }
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new));
        if (all.isDone()) {
            return all;
        }
        CompletableFuture<Void> bounded = new CompletableFuture<>();
        all.whenComplete((done, failure) -> bounded.complete(null));
        try {
            ScheduledFuture<?> timer = trackers.forPlane(Plane.SIGNALING).scheduler()
                    .schedule(() -> bounded.complete(null), timeout.toMillis(), TimeUnit.MILLISECONDS);
            bounded.whenComplete((done, failure) -> timer.cancel(false));
        } catch (RejectedExecutionException stopped) {
            // the signaling plane's scheduler is gone: nothing will answer the BYEs any more
            bounded.complete(null);
        }
        return bounded;
    }

    private List<AppLeg> legs() {
        AppDialogs dialogs = dispatcher.dialogs();
        return dialogs == null ? List.of() : dialogs.legs();
    }
}
