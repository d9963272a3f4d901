package io.voxplane.stack.b2bua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Via;
import io.voxplane.stack.proxy.InMemoryMessageSender;
import io.voxplane.stack.timer.ManualTimerService;
import io.voxplane.stack.transaction.ClientInviteTransaction;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.UserAgentConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@link B2bua} at 127.0.0.1:5060 between a caller A (127.0.0.1:5070) and a callee B
 * (127.0.0.1:6001), on an in-memory transport and virtual time.
 */
class B2buaCallTest {

    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 5070);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 6001);
    private static final Flow A_FLOW = new Flow(TransportType.UDP, InMemoryMessageSender.LOCAL, A, 0);
    private static final Flow B_FLOW = new Flow(TransportType.UDP, InMemoryMessageSender.LOCAL, B, 0);
    private static final byte[] OFFER = "v=0\r\no=a 1 1 IN IP4 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANSWER = "v=0\r\no=b 1 1 IN IP4 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ManualTimerService timers = new ManualTimerService();
    private final InMemoryMessageSender sender = new InMemoryMessageSender();
    private final List<B2buaCall> calls = new ArrayList<>();
    private B2buaRoute route = B2buaRoute.bridgeTo(address("<sip:bob@127.0.0.1:6001>"), new Target(TransportType.UDP, B));
    private final B2bua b2bua = new B2bua(sender, timers, UserAgentConfig.of("127.0.0.1", 5060, TransportType.UDP),
            invite -> route);

    private final SipRequest invite = SipRequest.builder(SipMethod.INVITE, uri("sip:bob@127.0.0.1:5060"))
            .via(Via.of("UDP", "127.0.0.1", 5070, "z9hG4bKa1"))
            .from(address("<sip:alice@127.0.0.1:5070>;tag=alice"))
            .to(address("<sip:bob@127.0.0.1:5060>"))
            .callId("a-leg@127.0.0.1")
            .cseq(new CSeq(1, SipMethod.INVITE))
            .contact(address("<sip:alice@127.0.0.1:5070>"))
            .body("application/sdp", OFFER)
            .build();

    B2buaCallTest() {
        b2bua.onNewCall(calls::add);
    }

    private static SipUri uri(String text) {
        try {
            return SipUri.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError(e);
        }
    }

    private static Address address(String text) {
        try {
            return Address.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError(e);
        }
    }

    private SipRequest bInvite() {
        List<SipRequest> invites = sender.requestsTo("INVITE", 6001);
        assertEquals(1, invites.size(), sender.all().toString());
        return invites.get(0);
    }

    private void fromB(SipRequest bInvite, int status, byte[] body) {
        SipResponse.Builder response = SipResponse.replyTo(bInvite, status)
                .to(bInvite.to().withTag("bob"))
                .contact(address("<sip:bob@127.0.0.1:6001>"));
        if (body != null) {
            response.body("application/sdp", body);
        }
        b2bua.inboundHandler().onMessage(response.build(), B_FLOW);
    }

    private List<SipResponse> toA(String method) {
        return sender.responses().stream().filter(r -> r.callId().equals(invite.callId())
                && r.cseq().method().equals(method) && r.status() != 100).toList();
    }

    private SipRequest inDialogFromA(String method, long cseq, SipResponse ok) {
        return SipRequest.builder(method, uri("sip:voxplane@127.0.0.1:5060"))
                .via(Via.of("UDP", "127.0.0.1", 5070, "z9hG4bKa" + method + cseq))
                .from(invite.from())
                .to(ok.to())
                .callId(invite.callId())
                .cseq(new CSeq(cseq, method))
                .build();
    }

    /** A calls, B rings and answers, A ACKs: returns A's 200. */
    private SipResponse connect() {
        b2bua.inboundHandler().onMessage(invite, A_FLOW);
        SipRequest bInvite = bInvite();
        fromB(bInvite, 180, null);
        fromB(bInvite, 200, ANSWER);
        SipResponse ok = toA("INVITE").get(toA("INVITE").size() - 1);
        b2bua.inboundHandler().onMessage(inDialogFromA(SipMethod.ACK, 1, ok), A_FLOW);
        return ok;
    }

    @Test
    void bLegCarriesTheOfferUnderItsOwnCallIdAndTags() {
        b2bua.inboundHandler().onMessage(invite, A_FLOW);

        SipRequest bInvite = bInvite();
        assertArrayEquals(OFFER, bInvite.body());
        assertNotEquals(invite.callId(), bInvite.callId());
        assertNotEquals(invite.from().tag(), bInvite.from().tag());
        assertEquals("sip:bob@127.0.0.1:6001", bInvite.requestUri().toString());
        assertEquals(B2buaCallState.CALLING, calls.get(0).state());
    }

    @Test
    void ringingAndAnswerOfBAreRelayedToAWithBsSessionAndEachLegIsAcked() {
        SipResponse ok = connect();

        assertEquals(List.of(180, 200), toA("INVITE").stream().map(SipResponse::status).toList());
        assertArrayEquals(ANSWER, ok.body());
        assertEquals(1, sender.requestsTo("ACK", 6001).size(), "B's 2xx is ACKed by the B2BUA");
        assertEquals(B2buaCallState.CONNECTED, calls.get(0).state());
    }

    @Test
    void everyProvisionalOfBIsRelayedInOrderWithItsEarlyMediaSession() {
        b2bua.inboundHandler().onMessage(invite, A_FLOW);
        SipRequest bInvite = bInvite();
        fromB(bInvite, 180, null);
        fromB(bInvite, 183, ANSWER);
        fromB(bInvite, 200, ANSWER);

        List<SipResponse> responses = toA("INVITE");
        assertEquals(List.of(180, 183, 200), responses.stream().map(SipResponse::status).toList());
        assertEquals(0, responses.get(0).body().length);
        assertArrayEquals(ANSWER, responses.get(1).body());
        assertEquals("application/sdp", responses.get(1).contentType().orElseThrow());
        // one early dialog toward A: the 183 and the 200 carry the 180's To tag
        assertEquals(responses.get(0).to().tag(), responses.get(1).to().tag());
        assertEquals(responses.get(0).to().tag(), responses.get(2).to().tag());
    }

    @Test
    void provisionalsOfBAfterTheAnswerAreNotRelayed() {
        SipResponse ok = connect();
        fromB(bInvite(), 183, ANSWER);

        assertEquals(List.of(180, 200), toA("INVITE").stream().map(SipResponse::status).toList());
        assertEquals(ok.to().tag(), toA("INVITE").get(0).to().tag());
    }

    @Test
    void byeFromAEndsBothLegs() throws Exception {
        SipResponse ok = connect();
        b2bua.inboundHandler().onMessage(inDialogFromA(SipMethod.BYE, 2, ok), A_FLOW);

        assertEquals(List.of(200), toA("BYE").stream().map(SipResponse::status).toList());
        SipRequest bye = sender.requestsTo("BYE", 6001).get(0);
        b2bua.inboundHandler().onMessage(SipResponse.replyTo(bye, 200).build(), B_FLOW);
        B2buaCallEnd end = calls.get(0).ended().get(1, TimeUnit.SECONDS);
        assertEquals(B2buaCallEnd.Reason.CALLER_HUNG_UP, end.reason());
        assertEquals(0, b2bua.activeCalls());
    }

    @Test
    void byeFromBEndsBothLegs() throws Exception {
        connect();
        SipRequest bInvite = bInvite();
        SipRequest bye = SipRequest.builder(SipMethod.BYE, bInvite.contacts().get(0).uri())
                .via(Via.of("UDP", "127.0.0.1", 6001, "z9hG4bKbbye"))
                .from(bInvite.to().withTag("bob"))
                .to(bInvite.from())
                .callId(bInvite.callId())
                .cseq(new CSeq(7, SipMethod.BYE))
                .build();
        b2bua.inboundHandler().onMessage(bye, B_FLOW);

        List<SipRequest> byesToA = sender.requestsTo("BYE", 5070);
        assertEquals(1, byesToA.size(), sender.all().toString());
        assertEquals(invite.callId(), byesToA.get(0).callId());
        assertEquals(B2buaCallEnd.Reason.CALLEE_HUNG_UP, calls.get(0).ended().get(1, TimeUnit.SECONDS).reason());
    }

    @Test
    void failureOfBIsTheFinalResponseOfA() throws Exception {
        b2bua.inboundHandler().onMessage(invite, A_FLOW);
        fromB(bInvite(), 486, null);

        assertEquals(List.of(486), toA("INVITE").stream().map(SipResponse::status).toList());
        B2buaCallEnd end = calls.get(0).ended().get(1, TimeUnit.SECONDS);
        assertEquals(new B2buaCallEnd(B2buaCallEnd.Reason.CALLEE_FAILED, 486), end);
    }

    @Test
    void cancelFromACancelsB() throws Exception {
        b2bua.inboundHandler().onMessage(invite, A_FLOW);
        SipRequest bInvite = bInvite();
        fromB(bInvite, 180, null);
        b2bua.inboundHandler().onMessage(ClientInviteTransaction.cancelFor(invite), A_FLOW);

        assertEquals(List.of(180, 487), toA("INVITE").stream().map(SipResponse::status).toList());
        assertEquals(1, sender.requestsTo("CANCEL", 6001).size());
        fromB(bInvite, 487, null);
        assertEquals(B2buaCallEnd.Reason.CALLER_CANCELLED, calls.get(0).ended().get(1, TimeUnit.SECONDS).reason());
    }

    @Test
    void routerRejectionAnswersAWithoutABLeg() throws Exception {
        route = B2buaRoute.reject(403);
        b2bua.inboundHandler().onMessage(invite, A_FLOW);

        assertEquals(List.of(403), toA("INVITE").stream().map(SipResponse::status).toList());
        assertTrue(sender.requests("INVITE").isEmpty());
        assertEquals(B2buaCallEnd.Reason.REJECTED, calls.get(0).ended().get(1, TimeUnit.SECONDS).reason());
    }
}
