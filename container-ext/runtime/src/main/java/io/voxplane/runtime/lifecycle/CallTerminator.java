package io.voxplane.runtime.lifecycle;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Service provider interface: the part of the signaling plane that owns calls (the registry of
 * active app dialogs) ends them all when the node shuts down. The signaling plane calls every
 * {@code CallTerminator} bean in the DRAINING phase ({@link #activeCalls()}) and in the
 * TERMINATING phase ({@link #terminateAll(Duration)}); none deployed means no calls to end.
 *
 * <p>An implementation is an {@code @ApplicationScoped} bean that:
 * <ul>
 * <li>counts in {@link #activeCalls()} every call it still owns: confirmed dialogs and INVITEs
 * not yet answered with a final response, received or sent;</li>
 * <li>in {@link #terminateAll(Duration)} sends BYE on every confirmed dialog (RFC 3261 s15.1.1),
 * answers every unanswered incoming INVITE with 487 Request Terminated (s9.2), sends CANCEL
 * for every pending outgoing INVITE (s9.1), and completes the returned stage once every one of
 * those transactions has its final response or failed, or once {@code timeout} passed, whichever
 * comes first; it never blocks the calling thread;</li>
 * <li>tolerates a second call (ending what is left).</li>
 * </ul>
 * It need not refuse new calls itself: from INITIATED on the signaling plane answers every new
 * out-of-dialog request with 503. {@code io.voxplane.runtime.app.AppCallTerminator} is the
 * implementation for app calls, {@code io.voxplane.runtime.signaling.ProxiedCallTerminator} the one
 * for calls the proxy core only forwards (BYE to both sides of each record-routed dialog).
 */
public interface CallTerminator {

    /** Calls owned now: confirmed dialogs plus INVITEs without a final response, either direction. */
    int activeCalls();

    /**
     * Ends every call (BYE, 487 or CANCEL) without blocking.
     *
     * @param timeout how long to wait for the peers' answers before completing the stage anyway
     * @return completes when every call has ended or {@code timeout} passed; never completes exceptionally
     *         for a peer that does not answer
     */
    CompletionStage<Void> terminateAll(Duration timeout);
}
