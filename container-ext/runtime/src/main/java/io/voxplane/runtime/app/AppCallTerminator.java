package io.voxplane.runtime.app;

import io.voxplane.runtime.lifecycle.CallTerminator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The apps' calls as the phased shutdown sees them: {@link ActiveDialogs} behind the
 * {@link CallTerminator} SPI. Active calls are the confirmed app dialogs plus the pending ones
 * (unanswered INVITEs, ringing B2BUA legs); TERMINATING ends them with BYE, 487 and CANCEL.
 */
@ApplicationScoped
public class AppCallTerminator implements CallTerminator {

    @Inject
    ActiveDialogs dialogs;

    @Override
    public int activeCalls() {
        return dialogs.confirmedCount() + dialogs.pendingCount();
    }

    @Override
    public CompletionStage<Void> terminateAll(Duration timeout) {
        return dialogs.terminateAll(timeout);
    }
}
