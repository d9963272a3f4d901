package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 s16.6/s16.7 forking and response processing, on virtual time. */
class ProxyForkingTest {

    private final ProxyHarness h = new ProxyHarness();

    private void forkTo(ProxyOptions options, ProxyTarget... targets) {
        h.router = tx -> {
            h.routed.add(tx);
            tx.proxyTo(List.of(targets), options);
        };
        h.fromUac(h.invite());
    }

    @Test
    void parallelForkingSendsToEveryTargetAtOnce() {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001), ProxyHarness.target(6002));

        SipRequest a = h.forwardedTo("INVITE", 6001);
        SipRequest b = h.forwardedTo("INVITE", 6002);
        assertTrue(!a.topVia().branch().equals(b.topVia().branch()), "each branch has its own branch id");
    }

    @Test
    void finalNonSuccessGoesUpOnlyOnceEveryBranchIsDoneAndTheLowestClassWins() {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001), ProxyHarness.target(6002), ProxyHarness.target(6003));
        h.fromUas(h.forwardedTo("INVITE", 6001), 486);
        h.fromUas(h.forwardedTo("INVITE", 6002), 302);
        assertTrue(h.sender.statuses().isEmpty(), "a branch is still pending");

        h.fromUas(h.forwardedTo("INVITE", 6003), 404);
        assertEquals(List.of(302), h.sender.statuses());
        assertEquals(ProxyTransactionState.COMPLETED, h.routed.get(0).state());
    }

    @Test
    void sixHundredWinsAndCancelsThePendingBranches() {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001), ProxyHarness.target(6002));
        SipRequest b = h.forwardedTo("INVITE", 6002);
        h.fromUas(b, 180);
        h.fromUas(h.forwardedTo("INVITE", 6001), 603);

        assertEquals(1, h.sender.requestsTo("CANCEL", 6002).size());
        h.fromUas(b, 487);
        assertEquals(List.of(180, 603), h.sender.statuses());
    }

    @Test
    void successGoesUpAtOnceAndCancelsTheOtherBranches() {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001), ProxyHarness.target(6002));
        SipRequest a = h.forwardedTo("INVITE", 6001);
        SipRequest b = h.forwardedTo("INVITE", 6002);
        h.fromUas(a, 180);
        h.fromUas(b, 180);
        h.fromUas(a, 200);

        assertEquals(List.of(180, 180, 200), h.sender.statuses());
        assertEquals(1, h.sender.requestsTo("CANCEL", 6002).size());
        assertTrue(h.sender.requestsTo("CANCEL", 6001).isEmpty());
        h.fromUas(b, 487);
        assertEquals(List.of(180, 180, 200), h.sender.statuses(), "the 487 of the cancelled branch stays here");
        assertEquals(ProxyTransactionState.COMPLETED, h.routed.get(0).state());
    }

    @Test
    void everySuccessOfAForkedInviteGoesUp() {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001), ProxyHarness.target(6002));
        h.fromUas(h.forwardedTo("INVITE", 6001), 200);
        h.fromUas(h.forwardedTo("INVITE", 6002), 200);

        assertEquals(List.of(200, 200), h.sender.statuses());
    }

    @Test
    void timeoutOfTheOnlyBranchIsAnswered408() {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001));
        h.timers.advance(Duration.ofSeconds(32));

        assertEquals(List.of(408), h.sender.statuses());
    }

    @Test
    void transportFailureCountsAs503WhichGoesUpAs500() {
        h.sender.refuse(6001);
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001));

        assertEquals(List.of(500), h.sender.statuses());
    }

    @Test
    void sequentialForkingTriesTargetsByQValueAndMovesOnAfterAFailure() {
        forkTo(ProxyOptions.sequential(null), ProxyHarness.target(6001).withQ(0.5), ProxyHarness.target(6002).withQ(0.9));
        assertTrue(h.sender.requestsTo("INVITE", 6001).isEmpty(), "the lower q waits");

        h.fromUas(h.forwardedTo("INVITE", 6002), 486);
        h.fromUas(h.forwardedTo("INVITE", 6001), 200);
        assertEquals(List.of(200), h.sender.statuses());
    }

    @Test
    void sequentialForkingStopsAtA6xx() {
        forkTo(ProxyOptions.sequential(null), ProxyHarness.target(6001), ProxyHarness.target(6002));
        h.fromUas(h.forwardedTo("INVITE", 6001), 600);

        assertTrue(h.sender.requestsTo("INVITE", 6002).isEmpty());
        assertEquals(List.of(600), h.sender.statuses());
    }

    @Test
    void branchTimerCancelsARingingBranchAndTriesTheNextTarget() {
        forkTo(ProxyOptions.sequential(Duration.ofSeconds(20)), ProxyHarness.target(6001), ProxyHarness.target(6002));
        SipRequest a = h.forwardedTo("INVITE", 6001);
        h.fromUas(a, 180);
        h.timers.advance(Duration.ofSeconds(20));

        assertEquals(1, h.sender.requestsTo("CANCEL", 6001).size());
        SipRequest b = h.forwardedTo("INVITE", 6002);
        h.fromUas(a, 487);
        h.fromUas(b, 486);
        assertEquals(List.of(180, 486), h.sender.statuses());
    }

    @Test
    void challengesOfEveryBranchAreCollected() {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001), ProxyHarness.target(6002));
        SipRequest a = h.forwardedTo("INVITE", 6001);
        SipRequest b = h.forwardedTo("INVITE", 6002);
        h.fromUas(ProxyHarness.answer(a, 401).toBuilder()
                .header(HeaderNames.WWW_AUTHENTICATE, "Digest realm=\"a\", nonce=\"1\"").build(), a);
        h.fromUas(ProxyHarness.answer(b, 407).toBuilder()
                .header(HeaderNames.PROXY_AUTHENTICATE, "Digest realm=\"b\", nonce=\"2\"").build(), b);

        SipResponse up = h.sender.responses().get(0);
        assertEquals(401, up.status());
        assertEquals(1, up.headerValues(HeaderNames.WWW_AUTHENTICATE).size());
        assertEquals(1, up.headerValues(HeaderNames.PROXY_AUTHENTICATE).size());
    }

    @Test
    void finalResponseFutureCompletesWithWhatWentUp() throws Exception {
        forkTo(ProxyOptions.parallel(), ProxyHarness.target(6001));
        h.fromUas(h.forwardedTo("INVITE", 6001), 486);

        assertEquals(486, h.routed.get(0).finalResponse().get(1, java.util.concurrent.TimeUnit.SECONDS).status());
        assertTrue(h.routed.get(0).completed().isDone());
    }

    @Test
    void nonInviteGoesUpWithItsFirstFinalResponseOnly() {
        h.router = tx -> tx.proxyTo(List.of(ProxyHarness.target(6001), ProxyHarness.target(6002)), ProxyOptions.parallel());
        h.fromUac(h.request("OPTIONS"));
        h.fromUas(h.forwardedTo("OPTIONS", 6001), 200);
        h.fromUas(h.forwardedTo("OPTIONS", 6002), 200);

        assertEquals(List.of(200), h.sender.statuses());
        assertTrue(h.sender.requests("CANCEL").isEmpty(), "a non-INVITE is never cancelled");
    }

    @Test
    void successAfterAFinalFailureWentUpIsDroppedAndCounted() {
        forkTo(ProxyOptions.parallel().withBranchTimeout(Duration.ofSeconds(5)), ProxyHarness.target(6001));
        SipRequest a = h.forwardedTo("INVITE", 6001);
        h.timers.advance(Duration.ofSeconds(5));
        assertEquals(List.of(408), h.sender.statuses());

        h.fromUas(a, 200);
        assertEquals(List.of(408), h.sender.statuses());
        assertEquals(1, h.proxy.late2xxDropped());
    }
}
