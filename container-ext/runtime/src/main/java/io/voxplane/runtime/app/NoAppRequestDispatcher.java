package io.voxplane.runtime.app;

import io.voxplane.sip.SipRequest;
import io.voxplane.stack.transaction.ServerTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The container's {@link RequestDispatcher} while no app model is deployed: answers every request
 * with {@link NoAppResponses} (OPTIONS 200, else 404/405/481/501).
 */
@ApplicationScoped
public class NoAppRequestDispatcher implements RequestDispatcher {

    @Override
    public void dispatch(SipRequest request, ServerTransaction transaction) {
        transaction.respond(NoAppResponses.answer(request));
    }
}
