package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.request;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.timer.ScheduledTimerService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The layer under several transport threads delivering the same requests at once. */
@Timeout(30)
class TransactionLayerConcurrencyTest {

    private static final int REQUESTS = 300;
    private static final int THREADS = 4;

    @Test
    void concurrentCopiesOfARequestCreateExactlyOneServerTransaction() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ExecutorService transportThreads = Executors.newFixedThreadPool(THREADS);
        try {
            RecordingMessageSender sender = new RecordingMessageSender();
            RecordingTransactionUser tu = new RecordingTransactionUser();
            tu.answer = (request, transaction) -> transaction.respond(response(request, 200));
            TransactionLayer layer = new TransactionLayer(sender, new ScheduledTimerService(scheduler),
                    TransactionConfig.defaults(), tu);
            List<SipRequest> requests = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                requests.add(request(SipMethod.OPTIONS, "z9hG4bKconc" + i));
            }
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(THREADS);
            for (int t = 0; t < THREADS; t++) {
                List<SipRequest> order = new ArrayList<>(requests);
                Collections.shuffle(order, new Random(t));
                transportThreads.execute(() -> {
                    try {
                        start.await();
                        for (SipRequest request : order) {
                            layer.onMessage(request, UDP_FLOW);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }

            start.countDown();
            assertTrue(done.await(20, TimeUnit.SECONDS));

            synchronized (tu) {
                assertEquals(REQUESTS, tu.requests.size());
                Set<String> branches = new HashSet<>();
                tu.requests.forEach(r -> branches.add(r.topVia().branch().orElseThrow()));
                assertEquals(REQUESTS, branches.size());
            }
            assertEquals(REQUESTS, layer.serverTransactionCount());
            int copies = REQUESTS * THREADS;
            int answered = sender.responses(200).size();
            assertTrue(answered >= REQUESTS && answered <= copies, "one answer per request plus re-sends: " + answered);

            layer.shutdown();
            assertEquals(0, layer.transactionCount());
        } finally {
            transportThreads.shutdownNow();
            scheduler.shutdownNow();
            assertTrue(transportThreads.awaitTermination(5, TimeUnit.SECONDS));
            assertTrue(scheduler.awaitTermination(5, TimeUnit.SECONDS));
        }
    }
}
