package io.voxplane.stack.dialog;

import static io.voxplane.stack.dialog.DialogFixtures.PROXY1;
import static io.voxplane.stack.dialog.DialogFixtures.PROXY2;
import static io.voxplane.stack.dialog.DialogFixtures.STRICT;
import static io.voxplane.stack.dialog.DialogFixtures.address;
import static io.voxplane.stack.dialog.DialogFixtures.fromAlice;
import static io.voxplane.stack.dialog.DialogFixtures.invite;
import static io.voxplane.stack.dialog.DialogFixtures.response;
import static io.voxplane.stack.dialog.DialogFixtures.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialogTest {

    private final SipRequest invite = invite();

    @Test
    void uacDialogFromRingingWithTagIsEarlyWithTheRouteSetReversed() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 180));

        assertEquals(DialogState.EARLY, dialog.state());
        assertEquals(DialogRole.UAC, dialog.role());
        assertEquals(new DialogId("dlg-1@10.0.0.1", "alicetag", "bobtag"), dialog.id());
        assertEquals(List.of(PROXY1, PROXY2), dialog.routeSet());
        assertEquals(uri("sip:bob@10.0.0.2:5062"), dialog.remoteTarget());
        assertEquals(10, dialog.localSeq());
        assertEquals(Dialog.NO_SEQUENCE, dialog.remoteSeq());
        assertEquals(Optional.of("alicetag"), dialog.localAddress().tag());
        assertEquals(Optional.of("bobtag"), dialog.remoteAddress().tag());
    }

    @Test
    void uacDialogFrom2xxIsConfirmed() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 200));

        assertEquals(DialogState.CONFIRMED, dialog.state());
    }

    @Test
    void twoXxConfirmsAnEarlyDialogAndRecomputesTheRouteSet() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 183));
        SipResponse ok = SipResponse.replyTo(invite, 200)
                .to(invite.to().withTag("bobtag"))
                .contact(address("<sip:bob@10.0.0.3:5064>"))
                .recordRoute(PROXY1)
                .build();

        dialog.onResponseReceived(ok);

        assertEquals(DialogState.CONFIRMED, dialog.state());
        assertEquals(List.of(PROXY1), dialog.routeSet());
        assertEquals(uri("sip:bob@10.0.0.3:5064"), dialog.remoteTarget());
    }

    @Test
    void non2xxFinalEndsAnEarlyDialog() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 180));

        dialog.onResponseReceived(response(invite, 486));

        assertEquals(DialogState.TERMINATED, dialog.state());
    }

    @Test
    void uasDialogFromItsOwn200KeepsTheRouteSetInOrder() {
        Dialog dialog = Dialog.createAsUas(invite, response(invite, 200));

        assertEquals(DialogState.CONFIRMED, dialog.state());
        assertEquals(DialogRole.UAS, dialog.role());
        assertEquals(new DialogId("dlg-1@10.0.0.1", "bobtag", "alicetag"), dialog.id());
        assertEquals(List.of(PROXY2, PROXY1), dialog.routeSet());
        assertEquals(uri("sip:alice@10.0.0.1:5060"), dialog.remoteTarget());
        assertEquals(10, dialog.remoteSeq());
        assertEquals(Dialog.NO_SEQUENCE, dialog.localSeq());
    }

    @Test
    void uasEarlyDialogIsConfirmedByTheSent2xxAndEndedByASentRejection() {
        Dialog confirmed = Dialog.createAsUas(invite, response(invite, 180));
        confirmed.onResponseSent(response(invite, 200));
        Dialog rejected = Dialog.createAsUas(invite, response(invite, 180));
        rejected.onResponseSent(response(invite, 486));

        assertEquals(DialogState.CONFIRMED, confirmed.state());
        assertEquals(DialogState.TERMINATED, rejected.state());
    }

    @Test
    void hundredTryingOrAResponseWithoutToTagCannotCreateADialog() {
        SipResponse trying = SipResponse.replyTo(invite, 100).build();
        SipResponse untagged = SipResponse.replyTo(invite, 180).build();

        assertEquals(DialogException.CANNOT_CREATE,
                assertThrows(DialogException.class, () -> Dialog.createAsUac(invite, trying)).errorCode());
        assertEquals(DialogException.CANNOT_CREATE,
                assertThrows(DialogException.class, () -> Dialog.createAsUac(invite, untagged)).errorCode());
    }

    @Test
    void looseRoutingRequestGoesToTheRemoteTargetWithTheRouteSetAsRoute() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 200));

        SipRequest bye = dialog.newRequest(SipMethod.BYE).via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKb")).build();

        assertEquals(uri("sip:bob@10.0.0.2:5062"), bye.requestUri());
        assertEquals(List.of(PROXY1, PROXY2), bye.routes());
        assertEquals(new CSeq(11, SipMethod.BYE), bye.cseq());
        assertEquals(dialog.localAddress(), bye.from());
        assertEquals(dialog.remoteAddress(), bye.to());
        assertEquals("dlg-1@10.0.0.1", bye.callId());
    }

    @Test
    void eachNewRequestTakesTheNextLocalCSeq() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 200));

        dialog.newRequest(SipMethod.INFO);
        SipRequest.Builder second = dialog.newRequest(SipMethod.BYE);

        assertEquals(12, second.via(Via.of("UDP", "h", 5060, "z9hG4bKx")).build().cseq().number());
        assertEquals(12, dialog.localSeq());
    }

    @Test
    void uasStartsItsLocalCSeqWhenItFirstSendsARequest() {
        Dialog dialog = Dialog.createAsUas(invite, response(invite, 200));

        SipRequest bye = dialog.newRequest(SipMethod.BYE).via(Via.of("UDP", "10.0.0.2", 5062, "z9hG4bKu")).build();

        assertEquals(1, bye.cseq().number());
        assertEquals(uri("sip:alice@10.0.0.1:5060"), bye.requestUri());
        assertEquals(List.of(PROXY2, PROXY1), bye.routes());
    }

    @Test
    void strictRouterBecomesTheRequestUriAndTheRemoteTargetTheLastRoute() {
        SipRequest viaStrict = invite.toBuilder().recordRoutes(List.of(PROXY1, STRICT)).build();
        Dialog dialog = Dialog.createAsUac(viaStrict, response(viaStrict, 200));
        assertEquals(List.of(STRICT, PROXY1), dialog.routeSet());

        SipRequest bye = dialog.newRequest(SipMethod.BYE).via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKs")).build();

        assertEquals(uri("sip:strict.example.com;transport=tcp"), bye.requestUri(), "method parameter stripped");
        assertEquals(List.of(PROXY1, Address.of(uri("sip:bob@10.0.0.2:5062"))), bye.routes());
    }

    @Test
    void withoutRouteSetTheRequestHasNoRoute() {
        SipRequest direct = invite.toBuilder().recordRoutes(List.of()).build();
        Dialog dialog = Dialog.createAsUac(direct, response(direct, 200));

        SipRequest bye = dialog.newRequest(SipMethod.BYE).via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKn")).build();

        assertTrue(bye.routes().isEmpty());
        assertEquals(uri("sip:bob@10.0.0.2:5062"), bye.requestUri());
    }

    @Test
    void ackFor2xxKeepsTheInviteCSeqNumberAndDoesNotUseUpALocalCSeq() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 200));

        SipRequest ack = dialog.newAck(10).via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKack")).build();

        assertEquals(new CSeq(10, SipMethod.ACK), ack.cseq());
        assertEquals(uri("sip:bob@10.0.0.2:5062"), ack.requestUri());
        assertEquals(List.of(PROXY1, PROXY2), ack.routes());
        assertEquals(10, dialog.localSeq());
    }

    @Test
    void ackAndCancelAreNotNewRequests() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 200));

        assertThrows(IllegalArgumentException.class, () -> dialog.newRequest(SipMethod.ACK));
        assertThrows(IllegalArgumentException.class, () -> dialog.newRequest(SipMethod.CANCEL));
    }

    @Test
    void terminatedDialogRefusesNewRequests() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 200));
        dialog.terminate();

        assertEquals(DialogException.TERMINATED,
                assertThrows(DialogException.class, () -> dialog.newRequest(SipMethod.BYE)).errorCode());
    }

    @Test
    void reInviteWithANewContactRefreshesTheRemoteTarget() {
        Dialog dialog = Dialog.createAsUas(invite, response(invite, 200));

        assertTrue(dialog.acceptRemoteRequest(fromAlice(SipMethod.INVITE, 11, "<sip:alice@10.0.0.9:5070>")));

        assertEquals(uri("sip:alice@10.0.0.9:5070"), dialog.remoteTarget());
        assertEquals(11, dialog.remoteSeq());
    }

    @Test
    void nonRefreshRequestLeavesTheRemoteTarget() {
        Dialog dialog = Dialog.createAsUas(invite, response(invite, 200));

        dialog.acceptRemoteRequest(fromAlice(SipMethod.INFO, 11, "<sip:alice@10.0.0.9:5070>"));

        assertEquals(uri("sip:alice@10.0.0.1:5060"), dialog.remoteTarget());
    }

    @Test
    void twoXxToAnUpdateRefreshesTheRemoteTarget() {
        Dialog dialog = Dialog.createAsUac(invite, response(invite, 200));
        SipRequest update = dialog.newRequest(SipMethod.UPDATE).via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKu")).build();

        dialog.onResponseReceived(SipResponse.replyTo(update, 200).contact(address("<sip:bob@10.0.0.7>")).build());

        assertEquals(uri("sip:bob@10.0.0.7"), dialog.remoteTarget());
    }

    @Test
    void requestWithLowerCSeqIsOutOfOrder() {
        Dialog dialog = Dialog.createAsUas(invite, response(invite, 200));

        assertTrue(dialog.acceptRemoteRequest(fromAlice(SipMethod.INFO, 12, null)));
        assertEquals(false, dialog.acceptRemoteRequest(fromAlice(SipMethod.INFO, 11, null)));
        assertTrue(dialog.acceptRemoteRequest(fromAlice(SipMethod.ACK, 10, null)), "ACK repeats the INVITE's CSeq");
        assertEquals(12, dialog.remoteSeq());
    }

    @Test
    void responses481And408EndTheDialog() {
        Dialog first = Dialog.createAsUac(invite, response(invite, 200));
        Dialog second = Dialog.createAsUac(invite, response(invite, 200));
        SipRequest bye = first.newRequest(SipMethod.BYE).via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKq")).build();

        first.onResponseReceived(SipResponse.replyTo(bye, 481).build());
        second.onResponseReceived(SipResponse.replyTo(bye, 408).build());

        assertEquals(DialogState.TERMINATED, first.state());
        assertEquals(DialogState.TERMINATED, second.state());
    }
}
