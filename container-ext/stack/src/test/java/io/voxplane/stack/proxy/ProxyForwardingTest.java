package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Via;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 s16.4 route preprocessing, s16.6 request forwarding, s16.7 Via removal, s16.11/12. */
class ProxyForwardingTest {

    private final ProxyHarness h = new ProxyHarness();

    @Test
    void forwardedCopyTargetsTheChosenUriWithMaxForwardsDecremented() {
        h.fromUac(h.invite());

        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        assertEquals("sip:bob@127.0.0.1:6001", forwarded.requestUri().toString());
        assertEquals(69, forwarded.maxForwards().getAsInt());
    }

    @Test
    void newViaOnTopCarriesTheProxySentByAndAnRfc3261Branch() {
        SipRequest invite = h.invite();
        h.fromUac(invite);

        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        Via top = forwarded.topVia();
        assertEquals("127.0.0.1", top.host());
        assertEquals(5060, top.port());
        assertEquals("UDP", top.transport());
        assertTrue(top.hasRfc3261Branch());
        assertEquals(List.of(top, invite.topVia()), forwarded.vias());
    }

    @Test
    void recordRouteWithLrGoesOnTopWhenAsked() {
        SipRequest invite = h.invite().toBuilder()
                .recordRoute(ProxyHarness.address("<sip:upstream.example.com;lr>")).build();
        h.fromUac(invite);

        List<Address> recordRoutes = h.forwardedTo("INVITE", 6001).recordRoutes();
        assertEquals(2, recordRoutes.size());
        SipUri mine = (SipUri) recordRoutes.get(0).uri();
        assertEquals("127.0.0.1", mine.host());
        assertEquals(5060, mine.port());
        assertTrue(mine.lr());
        assertEquals("sip:upstream.example.com;lr", recordRoutes.get(1).uri().toString());
    }

    @Test
    void noRecordRouteWhenNotAsked() {
        h.router = tx -> tx.proxyTo(ProxyHarness.target(6001), ProxyOptions.parallel().withRecordRoute(false));
        h.fromUac(h.invite());

        assertTrue(h.forwardedTo("INVITE", 6001).recordRoutes().isEmpty());
    }

    @Test
    void ownRouteIsPoppedAndTheNextRouteIsTheNextHop() {
        SipRequest invite = h.invite().toBuilder()
                .route(ProxyHarness.address("<sip:127.0.0.1:5060;lr>"))
                .route(ProxyHarness.address("<sip:127.0.0.1:7000;lr>"))
                .build();
        h.router = tx -> tx.proxyTo(ProxyTarget.of(tx.request().requestUri()), ProxyOptions.parallel());
        h.fromUac(invite);

        SipRequest forwarded = h.forwardedTo("INVITE", 7000);
        assertEquals(List.of("sip:127.0.0.1:7000;lr"), forwarded.routes().stream().map(a -> a.uri().toString()).toList());
        assertEquals("sip:bob@example.com", forwarded.requestUri().toString());
    }

    @Test
    void requestUriNamingTheProxyIsReplacedByTheLastRoute() {
        // a strict router upstream put our Record-Route URI in the Request-URI (s16.4)
        SipRequest invite = h.invite().toBuilder()
                .requestUri(ProxyHarness.uri("sip:127.0.0.1:5060;lr"))
                .route(ProxyHarness.address("<sip:bob@127.0.0.1:6001>"))
                .build();
        h.router = tx -> tx.proxyTo(ProxyTarget.of(tx.request().requestUri()), ProxyOptions.parallel());
        h.fromUac(invite);

        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        assertEquals("sip:bob@127.0.0.1:6001", forwarded.requestUri().toString());
        assertTrue(forwarded.routes().isEmpty());
    }

    @Test
    void fixedNextHopOverridesTheRequestUri() {
        Target hop = new Target(TransportType.TCP, new InetSocketAddress("127.0.0.1", 7100));
        h.router = tx -> tx.proxyTo(ProxyTarget.via(ProxyHarness.uri("sip:bob@example.org"), hop), ProxyOptions.parallel());
        h.fromUac(h.invite());

        SipRequest forwarded = h.forwardedTo("INVITE", 7100);
        assertEquals("TCP", forwarded.topVia().transport());
        assertEquals("sip:bob@example.org", forwarded.requestUri().toString());
    }

    @Test
    void responsesGoUpstreamWithoutTheProxyVia() {
        SipRequest invite = h.invite();
        h.fromUac(invite);
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        h.fromUas(forwarded, 180);
        h.fromUas(forwarded, 200);

        List<SipResponse> up = h.sender.responses();
        assertEquals(List.of(180, 200), h.sender.statuses());
        for (SipResponse response : up) {
            assertEquals(invite.vias(), response.vias());
        }
    }

    @Test
    void hundredTryingFromDownstreamIsNotForwarded() {
        h.fromUac(h.invite());
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        h.fromUas(forwarded, 100);

        assertTrue(h.sender.responses().isEmpty());
    }

    @Test
    void inDialogByeIsForwardedByItsRouteWithoutAskingTheRouter() {
        SipRequest bye = SipRequest.builder(SipMethod.BYE, ProxyHarness.uri("sip:bob@127.0.0.1:6001"))
                .via(Via.of("UDP", "127.0.0.1", 5070, "z9hG4bKbye1"))
                .from(ProxyHarness.address("<sip:alice@example.com>;tag=alice"))
                .to(ProxyHarness.address("<sip:bob@example.com>;tag=bob"))
                .callId("dialog-1")
                .cseq(new CSeq(2, SipMethod.BYE))
                .route(ProxyHarness.address("<sip:127.0.0.1:5060;lr>"))
                .build();
        h.fromUac(bye);

        assertTrue(h.routed.isEmpty());
        SipRequest forwarded = h.forwardedTo("BYE", 6001);
        assertTrue(forwarded.routes().isEmpty(), "own Route popped");
        assertTrue(forwarded.recordRoutes().isEmpty(), "no Record-Route inside a dialog");
        h.fromUas(forwarded, 200);
        assertEquals(List.of(200), h.sender.statuses());
    }

    @Test
    void ackForA2xxIsForwardedStatelesslyWithTheSameBranchEachTime() {
        SipRequest ack = SipRequest.builder(SipMethod.ACK, ProxyHarness.uri("sip:bob@127.0.0.1:6001"))
                .via(Via.of("UDP", "127.0.0.1", 5070, "z9hG4bKack1"))
                .from(ProxyHarness.address("<sip:alice@example.com>;tag=alice"))
                .to(ProxyHarness.address("<sip:bob@example.com>;tag=bob"))
                .callId("dialog-2")
                .cseq(new CSeq(1, SipMethod.ACK))
                .route(ProxyHarness.address("<sip:127.0.0.1:5060;lr>"))
                .build();
        h.fromUac(ack);
        h.fromUac(ack);

        List<SipRequest> acks = h.sender.requestsTo("ACK", 6001);
        assertEquals(2, acks.size());
        assertEquals(acks.get(0).topVia(), acks.get(1).topVia());
        assertTrue(acks.get(0).topVia().hasRfc3261Branch());
        assertTrue(acks.get(0).routes().isEmpty());
        assertEquals(69, acks.get(0).maxForwards().getAsInt());
        assertEquals(2, h.proxy.acksForwarded());
    }

    @Test
    void routerMayAnswerItself() {
        h.router = tx -> tx.respond(404);
        h.fromUac(h.invite());

        assertEquals(List.of(404), h.sender.statuses());
        assertFalse(h.sender.responses().get(0).to().tag().isEmpty());
    }
}
