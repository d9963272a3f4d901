package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.invite;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.timer.ManualTimerService;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Responses of one server transaction reach the transport in the order the machine decided them,
 * whatever thread decided: the regression where SIPp saw 100 Trying after the 180 of the same
 * INVITE (the timer thread decided 100, the event loop decided and wrote 180 before the timer
 * thread got to write its 100).
 */
class ServerTransactionSendOrderTest {

    /**
     * A transport whose write takes effect when {@code sendResponse} returns, and which holds the
     * caller of the 100 Trying inside the call until released: the timer thread preempted in
     * the middle of its send.
     */
    private static final class SlowTryingSender implements MessageSender {
        final List<Integer> written = new ArrayList<>();
        final CountDownLatch tryingEntered = new CountDownLatch(1);
        final CountDownLatch releaseTrying = new CountDownLatch(1);

        @Override
        public CompletableFuture<Flow> sendRequest(SipRequest request, Target target) {
            return CompletableFuture.completedFuture(UDP_FLOW);
        }

        @Override
        public CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow) {
            if (response.status() == 100) {
                tryingEntered.countDown();
                try {
                    assertTrue(releaseTrying.await(10, TimeUnit.SECONDS), "test never released the 100");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (written) {
                written.add(response.status());
            }
            return CompletableFuture.completedFuture(requestFlow);
        }
    }

    @Test
    @Timeout(20)
    void a180DecidedAfterTheTimersTryingIsWrittenAfterIt() throws Exception {
        ManualTimerService timers = new ManualTimerService();
        SlowTryingSender sender = new SlowTryingSender();
        RecordingTransactionUser tu = new RecordingTransactionUser();
        TransactionLayer layer = new TransactionLayer(sender, timers, TransactionConfig.defaults(), tu);
        SipRequest request = invite("z9hG4bKorder1");
        layer.onMessage(request, UDP_FLOW);
        ServerInviteTransaction tx = (ServerInviteTransaction) tu.serverTransactions.get(0);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> timerThread = threads.submit(() -> timers.advance(Duration.ofMillis(200)));
            assertTrue(sender.tryingEntered.await(10, TimeUnit.SECONDS), "Timer 100 Trying did not fire");

            Thread[] tuThread = new Thread[1];
            CountDownLatch tuStarted = new CountDownLatch(1);
            Future<?> ringing = threads.submit(() -> {
                tuThread[0] = Thread.currentThread();
                tuStarted.countDown();
                tx.respond(response(request, 180));
            });
            assertTrue(tuStarted.await(10, TimeUnit.SECONDS));
            // the TU's 180 either went through (the bug) or waits for the transaction (the fix)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ringing.isDone() && tuThread[0].getState() != Thread.State.BLOCKED
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            sender.releaseTrying.countDown();
            timerThread.get(10, TimeUnit.SECONDS);
            ringing.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        synchronized (sender.written) {
            assertEquals(List.of(100, 180), sender.written);
        }
    }
}
