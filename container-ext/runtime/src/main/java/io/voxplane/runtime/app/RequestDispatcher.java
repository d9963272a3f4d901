package io.voxplane.runtime.app;

import io.voxplane.sip.SipRequest;
import io.voxplane.stack.transaction.ServerTransaction;

/**
 * Where the signaling plane hands every new request (other than ACK and CANCEL, which the
 * transaction layer handles) with its server transaction: the seam between the container and
 * the SIP app model. The implementation answers through {@link ServerTransaction#respond}, now or
 * later, and must not block: it runs on the session's bus mailbox.
 *
 * <p>The container's default is {@link NoAppRequestDispatcher}. The app model replaces it with an
 * {@code @Alternative @Priority} bean that routes requests to apps and falls back to
 * {@link NoAppResponses} for what no app takes.
 */
public interface RequestDispatcher {

    void dispatch(SipRequest request, ServerTransaction transaction);
}
