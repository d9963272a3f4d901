package io.voxplane.runtime.planes;

import io.voxplane.runtime.app.NoAppResponses;
import io.voxplane.runtime.app.RequestDispatcher;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.transaction.ServerTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A dispatcher that holds every request until the test opens its gate: a saturated signaling plane. */
@ApplicationScoped
public class GatedDispatcher implements RequestDispatcher {

    private final CountDownLatch gate = new CountDownLatch(1);

    void open() {
        gate.countDown();
    }

    @Override
    public void dispatch(SipRequest request, ServerTransaction transaction) {
        try {
            gate.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transaction.respond(NoAppResponses.answer(request));
    }
}
