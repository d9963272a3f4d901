package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The responses of one transaction keep their order upstream (RFC 3261 s16.7): a 200 never
 * overtakes the 180 of the same transaction, however many threads deliver them.
 */
class ProxyResponseOrderTest {

    @Test
    void provisionalArrivingAfterTheFinalOfItsBranchIsDropped() {
        ProxyHarness h = new ProxyHarness();
        h.fromUac(h.invite());
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        h.fromUas(forwarded, 200);
        h.fromUas(forwarded, 180);

        assertEquals(List.of(200), h.sender.statuses());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoThreadsDeliveringRingingAndOkNeverSendTheOkBeforeTheRinging() throws Exception {
        ProxyHarness h = new ProxyHarness();
        int calls = 2000;
        List<SipRequest> forwarded = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            h.fromUac(h.invite());
        }
        for (SipRequest request : h.sender.requests("INVITE")) {
            forwarded.add(request);
        }
        assertEquals(calls, forwarded.size());

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<?> ringing = threads.submit(() -> {
                await(go);
                forwarded.forEach(f -> h.fromUas(f, 180));
            });
            Future<?> ok = threads.submit(() -> {
                await(go);
                forwarded.forEach(f -> h.fromUas(f, 200));
            });
            go.countDown();
            ringing.get(30, TimeUnit.SECONDS);
            ok.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        Map<String, List<Integer>> byCall = new HashMap<>();
        for (SipResponse response : h.sender.responses()) {
            if (response.status() != 100) {
                byCall.computeIfAbsent(response.callId(), k -> new ArrayList<>()).add(response.status());
            }
        }
        assertEquals(calls, byCall.size());
        for (Map.Entry<String, List<Integer>> call : byCall.entrySet()) {
            List<Integer> statuses = call.getValue();
            assertEquals(200, statuses.get(statuses.size() - 1), call.getKey() + " " + statuses);
            assertTrue(statuses.equals(List.of(200)) || statuses.equals(List.of(180, 200)), call.getKey() + " " + statuses);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
