package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link ProxiedDialogs} on the in-memory proxy harness: which 2xx create a tracked dialog, what
 * in-dialog requests change, what ends it, the limit, and the BYEs {@code terminateAll} builds.
 */
class ProxiedDialogsTest {

    private static final String CALLEE_TAG = "bobtag";
    private static final Flow CALLEE_FLOW = new Flow(TransportType.UDP, InMemoryMessageSender.LOCAL,
            new InetSocketAddress("127.0.0.1", 6001), 0);

    private final ProxyHarness h = new ProxyHarness();

    /** The callee's 2xx: To tag, its Contact, the Record-Route of the request copied (s12.1.1). */
    private static SipResponse ok(SipRequest forwarded, String tag, int port) {
        return SipResponse.replyTo(forwarded, 200)
                .to(forwarded.to().withTag(tag))
                .recordRoutes(forwarded.recordRoutes())
                .contact(ProxyHarness.address("<sip:bob@127.0.0.1:" + port + ";transport=udp>"))
                .build();
    }

    /** A call from the UAC through the proxy to 6001, answered 200; returns the INVITE as sent by the UAC. */
    private SipRequest establish() {
        SipRequest invite = h.invite();
        h.fromUac(invite);
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        h.fromUas(ok(forwarded, CALLEE_TAG, 6001), forwarded);
        return invite;
    }

    private ProxiedDialog only() {
        List<ProxiedDialog> all = h.proxy.dialogs().snapshot();
        assertEquals(1, all.size(), "tracked: " + all);
        return all.get(0);
    }

    /** An in-dialog request from the caller (UAC) with the proxy's Route. */
    private static SipRequest fromCaller(SipRequest invite, String method, long cseq, String branch) {
        return SipRequest.builder(method, ProxyHarness.uri("sip:bob@127.0.0.1:6001;transport=udp"))
                .via(Via.of("UDP", "127.0.0.1", 5070, "z9hG4bK" + branch))
                .from(invite.from())
                .to(invite.to().withTag(CALLEE_TAG))
                .callId(invite.callId())
                .cseq(new CSeq(cseq, method))
                .maxForwards(70)
                .route(ProxyHarness.address("<sip:127.0.0.1:5060;lr>"))
                .build();
    }

    /** An in-dialog request from the callee (port 6001) toward the caller. */
    private static SipRequest fromCallee(SipRequest invite, String method, long cseq, String branch) {
        return SipRequest.builder(method, ProxyHarness.uri("sip:alice@127.0.0.1:5070"))
                .via(Via.of("UDP", "127.0.0.1", 6001, "z9hG4bK" + branch))
                .from(invite.to().withTag(CALLEE_TAG))
                .to(invite.from())
                .callId(invite.callId())
                .cseq(new CSeq(cseq, method))
                .maxForwards(70)
                .route(ProxyHarness.address("<sip:127.0.0.1:5060;lr>"))
                .build();
    }

    private void fromCalleeSocket(SipRequest request) {
        h.proxy.inboundHandler().onMessage(request, CALLEE_FLOW);
    }

    @Test
    void forwardedTwoHundredToARecordRoutedInviteCreatesADialog() {
        SipRequest invite = establish();

        ProxiedDialog dialog = only();
        assertEquals(new ProxiedDialogId(invite.callId(), "alice", CALLEE_TAG), dialog.id());
        assertEquals("sip:alice@127.0.0.1:5070", dialog.remoteTarget(DialogSide.CALLER).toString());
        assertEquals("sip:bob@127.0.0.1:6001;transport=udp", dialog.remoteTarget(DialogSide.CALLEE).toString());
        assertTrue(dialog.routeToward(DialogSide.CALLER).isEmpty(), "single proxy: no route set");
        assertTrue(dialog.routeToward(DialogSide.CALLEE).isEmpty(), "single proxy: no route set");
        assertEquals(1, dialog.highestCSeqFrom(DialogSide.CALLER), "the INVITE's CSeq");
        assertEquals(0, dialog.highestCSeqFrom(DialogSide.CALLEE));
        assertEquals(1, h.proxy.dialogs().created());
    }

    @Test
    void retransmittedTwoHundredDoesNotCreateASecondDialog() {
        SipRequest invite = h.invite();
        h.fromUac(invite);
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        SipResponse ok = ok(forwarded, CALLEE_TAG, 6001);
        h.fromUas(ok, forwarded);
        h.fromUas(ok, forwarded);

        assertEquals(1, h.proxy.dialogs().size());
        assertEquals(1, h.proxy.dialogs().created());
    }

    @Test
    void inviteProxiedWithoutRecordRouteIsNotTracked() {
        h.router = tx -> tx.proxyTo(ProxyHarness.target(6001), ProxyOptions.parallel().withRecordRoute(false));
        h.fromUac(h.invite());
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        h.fromUas(ok(forwarded, CALLEE_TAG, 6001), forwarded);

        assertEquals(0, h.proxy.dialogs().size(), "its requests do not come through this proxy");
    }

    @Test
    void eachForkedTwoHundredIsADialogOfItsOwn() {
        h.router = tx -> tx.proxyTo(List.of(ProxyHarness.target(6001), ProxyHarness.target(6002)), ProxyOptions.parallel());
        SipRequest invite = h.invite();
        h.fromUac(invite);
        SipRequest first = h.forwardedTo("INVITE", 6001);
        SipRequest second = h.forwardedTo("INVITE", 6002);
        h.fromUas(ok(first, "bob1", 6001), first);
        h.fromUas(ok(second, "bob2", 6002), second);

        assertEquals(List.of(200, 200), h.sender.statuses(), "both 2xx went upstream (RFC 6026)");
        assertTrue(h.proxy.dialogs().find(new ProxiedDialogId(invite.callId(), "alice", "bob1")).isPresent());
        ProxiedDialog two = h.proxy.dialogs().find(new ProxiedDialogId(invite.callId(), "alice", "bob2")).orElseThrow();
        assertEquals("sip:bob@127.0.0.1:6002;transport=udp", two.remoteTarget(DialogSide.CALLEE).toString());
        assertEquals(2, h.proxy.dialogs().size());
    }

    @Test
    void inDialogRequestsRaiseTheHighestCSeqOfTheirDirection() {
        SipRequest invite = establish();
        h.fromUac(fromCaller(invite, SipMethod.INFO, 5, "info5"));
        fromCalleeSocket(fromCallee(invite, SipMethod.INFO, 40, "info40"));
        fromCalleeSocket(fromCallee(invite, SipMethod.INFO, 41, "info41"));
        h.fromUac(fromCaller(invite, SipMethod.INFO, 3, "info3"));

        ProxiedDialog dialog = only();
        assertEquals(5, dialog.highestCSeqFrom(DialogSide.CALLER));
        assertEquals(41, dialog.highestCSeqFrom(DialogSide.CALLEE));
    }

    @Test
    void earlyDialogRequestsBeforeTheTwoHundredCountTowardBothCSeqs() {
        SipRequest invite = h.invite();
        h.fromUac(invite);
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        h.fromUas(SipResponse.replyTo(forwarded, 183).to(forwarded.to().withTag(CALLEE_TAG))
                .recordRoutes(forwarded.recordRoutes()).header("Require", "100rel").header("RSeq", "1").build(), forwarded);
        h.fromUac(fromCaller(invite, SipMethod.PRACK, 2, "prack2"));
        fromCalleeSocket(fromCallee(invite, SipMethod.UPDATE, 5, "update5"));
        assertEquals(1, h.proxy.dialogs().pendingInvites());
        h.fromUas(ok(forwarded, CALLEE_TAG, 6001), forwarded);

        ProxiedDialog dialog = only();
        assertEquals(2, dialog.highestCSeqFrom(DialogSide.CALLER), "the PRACK's, not the INVITE's");
        assertEquals(5, dialog.highestCSeqFrom(DialogSide.CALLEE), "the early UPDATE's");
        assertEquals(0, h.proxy.dialogs().pendingInvites(), "the INVITE is done");
        h.proxy.dialogs().terminateAll(Duration.ofSeconds(5));
        assertEquals(3, h.sender.requestsTo("BYE", 6001).get(0).cseq().number());
        assertEquals(6, h.sender.requestsTo("BYE", 5070).get(0).cseq().number());
    }

    @Test
    void aFailedInviteLeavesNothingBehind() {
        h.fromUac(h.invite());
        assertEquals(1, h.proxy.dialogs().pendingInvites());
        h.fromUas(h.forwardedTo("INVITE", 6001), 603);

        assertEquals(0, h.proxy.dialogs().pendingInvites());
        assertEquals(0, h.proxy.dialogs().size());
    }

    @Test
    void byeEndsTheDialogOnItsFinalResponse() {
        SipRequest invite = establish();
        h.fromUac(fromCaller(invite, SipMethod.BYE, 2, "bye2"));

        assertEquals(1, h.proxy.dialogs().size(), "kept until the BYE is answered");
        h.fromUas(h.forwardedTo("BYE", 6001), 200);

        assertEquals(0, h.proxy.dialogs().size());
        assertEquals(1, h.proxy.dialogs().endedByBye());
    }

    @Test
    void byeFromTheCalleeEndsTheDialogToo() {
        SipRequest invite = establish();
        fromCalleeSocket(fromCallee(invite, SipMethod.BYE, 7, "bye7"));
        SipRequest forwarded = h.forwardedTo("BYE", 5070);
        h.proxy.inboundHandler().onMessage(SipResponse.replyTo(forwarded, 200).build(), ProxyHarness.UAC_FLOW);

        assertEquals(0, h.proxy.dialogs().size());
    }

    @Test
    void challengedByeKeepsTheDialog() {
        SipRequest invite = establish();
        h.fromUac(fromCaller(invite, SipMethod.BYE, 2, "bye2"));
        h.fromUas(h.forwardedTo("BYE", 6001), 407);

        assertEquals(1, h.proxy.dialogs().size(), "the UAC sends the BYE again with credentials");
    }

    @Test
    void reInviteAnsweredTwoHundredUpdatesBothRemoteTargets() {
        SipRequest invite = establish();
        SipRequest reInvite = fromCaller(invite, SipMethod.INVITE, 2, "reinv")
                .toBuilder().contact(ProxyHarness.address("<sip:alice@127.0.0.1:5071>")).build();
        h.fromUac(reInvite);
        SipRequest forwarded = h.sender.requestsTo("INVITE", 6001).get(1);
        h.fromUas(SipResponse.replyTo(forwarded, 200)
                .contact(ProxyHarness.address("<sip:bob@127.0.0.1:6009>")).build(), forwarded);

        ProxiedDialog dialog = only();
        assertEquals("sip:alice@127.0.0.1:5071", dialog.remoteTarget(DialogSide.CALLER).toString());
        assertEquals("sip:bob@127.0.0.1:6009", dialog.remoteTarget(DialogSide.CALLEE).toString());
        assertEquals(2, dialog.highestCSeqFrom(DialogSide.CALLER));
    }

    @Test
    void pastTheLimitCallsAreProxiedButNotTrackedAndCounted() {
        ProxyHarness limited = new ProxyHarness(ProxyConfig.of("127.0.0.1", 5060, TransportType.UDP).withMaxDialogs(1));
        for (int i = 0; i < 3; i++) {
            SipRequest invite = limited.invite();
            limited.fromUac(invite);
            List<SipRequest> forwarded = limited.sender.requestsTo("INVITE", 6001);
            SipRequest last = forwarded.get(forwarded.size() - 1);
            limited.fromUas(ok(last, "bob" + i, 6001), last);
        }

        assertEquals(List.of(200, 200, 200), limited.sender.statuses(), "every call still went through");
        assertEquals(1, limited.proxy.dialogs().size());
        assertEquals(2, limited.proxy.dialogs().untrackedOverLimit());
    }

    /** A call through {@code harness} to 6001 answered 200 with {@code tag}; the INVITE as the UAC sent it. */
    private static SipRequest establishOn(ProxyHarness harness, String tag) {
        SipRequest invite = harness.invite();
        harness.fromUac(invite);
        List<SipRequest> forwarded = harness.sender.requestsTo("INVITE", 6001);
        SipRequest last = forwarded.get(forwarded.size() - 1);
        harness.fromUas(ok(last, tag, 6001), last);
        return invite;
    }

    private static ProxyHarness fullAfterOne() {
        return new ProxyHarness(ProxyConfig.of("127.0.0.1", 5060, TransportType.UDP).withMaxDialogs(1)
                .withDialogMaxIdle(Duration.ofHours(1)));
    }

    @Test
    void whenFullADialogIdleLongerThanTheMaximumMakesRoom() {
        ProxyHarness full = fullAfterOne();
        SipRequest old = establishOn(full, "bob1");
        full.timers.advance(Duration.ofHours(1).plusSeconds(1));
        SipRequest fresh = establishOn(full, "bob2");

        assertEquals(List.of(fresh.callId()), full.proxy.dialogs().snapshot().stream().map(d -> d.id().callId()).toList());
        assertFalse(full.proxy.dialogs().find(new ProxiedDialogId(old.callId(), "alice", "bob1")).isPresent());
        assertEquals(1, full.proxy.dialogs().droppedIdle());
        assertEquals(0, full.proxy.dialogs().untrackedOverLimit());
    }

    @Test
    void whenFullADialogWithRecentRequestsStaysAndTheNewCallIsUntracked() {
        ProxyHarness full = fullAfterOne();
        SipRequest old = establishOn(full, CALLEE_TAG);
        full.timers.advance(Duration.ofMinutes(59));
        full.fromUac(fromCaller(old, SipMethod.INFO, 2, "info2"));
        full.timers.advance(Duration.ofMinutes(2));
        establishOn(full, "bob2");

        assertEquals(List.of(old.callId()), full.proxy.dialogs().snapshot().stream().map(d -> d.id().callId()).toList());
        assertEquals(0, full.proxy.dialogs().droppedIdle());
        assertEquals(1, full.proxy.dialogs().untrackedOverLimit());
    }

    @Test
    void routeSetsAreTheRecordRouteEntriesOnEachSideOfTheProxysOwn() {
        // upstream proxy U (caller side) record-routed before us, downstream proxies D1 (nearer us), D2 (nearer callee)
        SipRequest invite = h.invite().toBuilder()
                .recordRoute(ProxyHarness.address("<sip:10.0.0.1:5060;lr>"))
                .build();
        h.router = tx -> tx.proxyTo(ProxyHarness.target(6001), ProxyOptions.parallel());
        h.fromUac(invite);
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        SipResponse ok = SipResponse.replyTo(forwarded, 200)
                .to(forwarded.to().withTag(CALLEE_TAG))
                .recordRoute(ProxyHarness.address("<sip:10.0.0.3:5060;lr>"))
                .recordRoute(ProxyHarness.address("<sip:10.0.0.2:5060;lr>"))
                .recordRoute(forwarded.recordRoutes().get(0))
                .recordRoute(forwarded.recordRoutes().get(1))
                .contact(ProxyHarness.address("<sip:bob@10.0.0.9>"))
                .build();
        h.fromUas(ok, forwarded);

        ProxiedDialog dialog = only();
        assertEquals(List.of("sip:10.0.0.1:5060;lr"),
                uris(dialog.routeToward(DialogSide.CALLER)));
        assertEquals(List.of("sip:10.0.0.2:5060;lr", "sip:10.0.0.3:5060;lr"),
                uris(dialog.routeToward(DialogSide.CALLEE)));

        h.proxy.dialogs().terminateAll(Duration.ofSeconds(5));
        SipRequest towardCallee = h.sender.requestsTo("BYE", 5060).stream()
                .filter(b -> b.requestUri().toString().equals("sip:bob@10.0.0.9")).findFirst().orElseThrow();
        assertEquals(List.of("sip:10.0.0.2:5060;lr", "sip:10.0.0.3:5060;lr"),
                uris(towardCallee.routes()));
        assertEquals("10.0.0.2", h.sender.all().stream().filter(s -> s.message() == towardCallee).findFirst()
                .orElseThrow().target().address().getHostString(), "sent to the first Route");
    }

    @Test
    void terminateAllSendsAByeEachWayWithTheDialogsIdentityAndHigherCSeqs() {
        SipRequest invite = establish();
        h.fromUac(fromCaller(invite, SipMethod.INFO, 4, "info4"));
        fromCalleeSocket(fromCallee(invite, SipMethod.INFO, 9, "info9"));

        CompletableFuture<ProxiedDialogTermination> done = h.proxy.dialogs().terminateAll(Duration.ofSeconds(5))
                .toCompletableFuture();

        assertEquals(0, h.proxy.dialogs().size(), "taken out at once");
        SipRequest toCaller = h.forwardedTo("BYE", 5070);
        assertEquals("sip:alice@127.0.0.1:5070", toCaller.requestUri().toString());
        assertEquals(invite.callId(), toCaller.callId());
        assertEquals(CALLEE_TAG, toCaller.from().tag().orElseThrow());
        assertEquals("alice", toCaller.to().tag().orElseThrow());
        assertEquals(new CSeq(10, SipMethod.BYE), toCaller.cseq());
        assertTrue(toCaller.routes().isEmpty());
        assertEquals(ProxiedDialogs.DEFAULT_REASON, toCaller.header("Reason").orElseThrow());
        assertEquals("127.0.0.1", toCaller.topVia().host());
        assertEquals(5060, toCaller.topVia().port());
        assertEquals(1, toCaller.vias().size());

        SipRequest toCallee = h.forwardedTo("BYE", 6001);
        assertEquals("sip:bob@127.0.0.1:6001;transport=udp", toCallee.requestUri().toString());
        assertEquals("alice", toCallee.from().tag().orElseThrow());
        assertEquals(CALLEE_TAG, toCallee.to().tag().orElseThrow());
        assertEquals(new CSeq(5, SipMethod.BYE), toCallee.cseq());
        assertEquals(1, toCallee.vias().size());
        assertFalse(toCaller.topVia().branch().equals(toCallee.topVia().branch()));

        assertFalse(done.isDone(), "waits for both answers");
        h.fromUas(toCallee, 200);
        h.proxy.inboundHandler().onMessage(SipResponse.replyTo(toCaller, 481).build(), ProxyHarness.UAC_FLOW);
        assertEquals(new ProxiedDialogTermination(1, 2, 2, 0, 0), done.getNow(null));
        assertEquals(1, h.proxy.dialogs().terminated());
    }

    @Test
    void byeTowardACallerThatNeverHeardFromTheCalleeTakesAFreshCSeq() {
        establish();
        h.proxy.dialogs().terminateAll(Duration.ofSeconds(5));

        assertEquals(ProxiedDialog.FRESH_CSEQ, h.forwardedTo("BYE", 5070).cseq().number());
        assertEquals(2, h.forwardedTo("BYE", 6001).cseq().number(), "one more than the INVITE's");
    }

    @Test
    void terminateAllCompletesAtTheTimeoutWhenPeersDoNotAnswer() {
        establish();
        CompletableFuture<ProxiedDialogTermination> done = h.proxy.dialogs().terminateAll(Duration.ofMillis(300))
                .toCompletableFuture();

        h.timers.advance(Duration.ofMillis(299));
        assertFalse(done.isDone());
        h.timers.advance(Duration.ofMillis(1));
        assertEquals(new ProxiedDialogTermination(1, 2, 0, 0, 2), done.getNow(null));
    }

    @Test
    void byesTheTransportRefusesCountAsFailed() {
        establish();
        h.sender.refuse(6001);
        CompletableFuture<ProxiedDialogTermination> done = h.proxy.dialogs().terminateAll(Duration.ofSeconds(5))
                .toCompletableFuture();
        h.proxy.inboundHandler().onMessage(SipResponse.replyTo(h.forwardedTo("BYE", 5070), 200).build(),
                ProxyHarness.UAC_FLOW);

        assertEquals(new ProxiedDialogTermination(1, 2, 1, 1, 0), done.getNow(null));
    }

    @Test
    void secondTerminateAllEndsOnlyWhatCameSince() {
        establish();
        h.proxy.dialogs().terminateAll(Duration.ofSeconds(5));
        CompletableFuture<ProxiedDialogTermination> again = h.proxy.dialogs().terminateAll(Duration.ofSeconds(5))
                .toCompletableFuture();

        assertEquals(ProxiedDialogTermination.NONE, again.getNow(null));
        assertEquals(2, h.sender.requests("BYE").size());
    }

    @Test
    void afterShutdownTheByesFailAtOnce() {
        establish();
        h.proxy.shutdown();
        CompletableFuture<ProxiedDialogTermination> done = h.proxy.dialogs().terminateAll(Duration.ofSeconds(5))
                .toCompletableFuture();

        assertEquals(new ProxiedDialogTermination(1, 2, 0, 2, 0), done.getNow(null));
    }

    private static List<String> uris(List<Address> addresses) {
        return addresses.stream().map(a -> a.uri().toString()).toList();
    }
}
