package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.TCP_TARGET;
import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.UDP_TARGET;
import static io.voxplane.stack.transaction.SipFixtures.invite;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientInviteTransactionTest extends TransactionHarness {

    private final SipRequest invite = invite("z9hG4bKinv1");

    private ClientInviteTransaction start(Target target) {
        return (ClientInviteTransaction) layer.sendRequest(invite, target, listener);
    }

    @Test
    void retransmitsInviteWithTimerADoublingUntilTimerBOnUdp() {
        ClientInviteTransaction tx = start(UDP_TARGET);
        assertEquals(TransactionState.CALLING, tx.state());

        advanceMillis(40_000);

        assertEquals(List.of(0L, 500L, 1_500L, 3_500L, 7_500L, 15_500L, 31_500L), sender.requestTimesMillis(SipMethod.INVITE));
    }

    @Test
    void timerBAt64T1ReportsTimeoutAndTerminates() {
        ClientInviteTransaction tx = start(UDP_TARGET);

        advanceMillis(31_999);
        assertEquals(TransactionState.CALLING, tx.state());
        advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, listener.failures.size());
        assertEquals(TransactionFailure.Kind.TIMEOUT, listener.failures.get(0).kind());
        assertEquals(408, listener.failures.get(0).impliedStatus());
        assertEquals(1, listener.terminated);
        assertAllClear();
    }

    @Test
    void sendsOnceOnTcpAndStillTimesOutWithTimerB() {
        start(TCP_TARGET);

        advanceMillis(32_000);

        assertEquals(List.of(0L), sender.requestTimesMillis(SipMethod.INVITE));
        assertEquals(TransactionFailure.Kind.TIMEOUT, listener.failures.get(0).kind());
        assertAllClear();
    }

    @Test
    void stopsRetransmittingWhenTheTransportUsedTcpForAUdpTarget() {
        sender.reportTransport(TransportType.TCP);
        start(UDP_TARGET);

        advanceMillis(10_000);

        assertEquals(List.of(0L), sender.requestTimesMillis(SipMethod.INVITE));
    }

    @Test
    void provisionalMovesToProceedingStopsRetransmissionAndIsPassedUp() {
        ClientInviteTransaction tx = start(UDP_TARGET);

        layer.onMessage(response(invite, 100), UDP_FLOW);
        layer.onMessage(response(invite, 180), UDP_FLOW);
        advanceMillis(100_000);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(100, 180), listener.statuses());
        assertEquals(1, sender.requests(SipMethod.INVITE).size());
        assertTrue(listener.failures.isEmpty(), "Timer B must not fire in Proceeding");
    }

    @Test
    void non2xxFinalSendsAckAndTimerDEndsTheTransactionAfter32Seconds() {
        ClientInviteTransaction tx = start(UDP_TARGET);
        SipResponse busy = response(invite, 486);

        layer.onMessage(busy, UDP_FLOW);

        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of(486), listener.statuses());
        SipRequest ack = sender.requests(SipMethod.ACK).get(0);
        assertEquals(new CSeq(1, SipMethod.ACK), ack.cseq());
        assertEquals(invite.topVia(), ack.topVia());
        assertEquals(1, ack.vias().size());
        assertEquals(busy.to(), ack.to());
        assertEquals(invite.requestUri(), ack.requestUri());
        assertEquals(invite.callId(), ack.callId());
        assertEquals(invite.from(), ack.from());
        assertSame(ack, tx.ack());

        advanceMillis(31_999);
        assertEquals(TransactionState.COMPLETED, tx.state());
        advanceMillis(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertAllClear();
    }

    @Test
    void retransmittedNon2xxFinalIsAbsorbedAndAckedAgain() {
        start(UDP_TARGET);
        SipResponse busy = response(invite, 486);

        layer.onMessage(busy, UDP_FLOW);
        layer.onMessage(busy, UDP_FLOW);
        layer.onMessage(busy, UDP_FLOW);

        assertEquals(List.of(486), listener.statuses());
        assertEquals(3, sender.requests(SipMethod.ACK).size());
    }

    @Test
    void non2xxFinalOnTcpTerminatesAtOnceBecauseTimerDIsZero() {
        ClientInviteTransaction tx = start(TCP_TARGET);

        layer.onMessage(response(invite, 603), UDP_FLOW);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, sender.requests(SipMethod.ACK).size());
        assertAllClear();
    }

    @Test
    void twoXxMovesToAcceptedPassesEvery2xxUpAndTimerMEndsIt() {
        ClientInviteTransaction tx = start(UDP_TARGET);
        SipResponse ok = response(invite, 200);

        layer.onMessage(ok, UDP_FLOW);
        assertEquals(TransactionState.ACCEPTED, tx.state());
        layer.onMessage(ok, UDP_FLOW);
        layer.onMessage(response(invite, 486), UDP_FLOW);

        assertEquals(List.of(200, 200), listener.statuses(), "2xx retransmissions go up (RFC 6026), a late 486 does not");
        assertTrue(sender.requests(SipMethod.ACK).isEmpty(), "the ACK for a 2xx is the TU's");
        assertNull(tx.ack());

        advanceMillis(31_999);
        assertEquals(TransactionState.ACCEPTED, tx.state());
        advanceMillis(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertAllClear();
    }

    @Test
    void twoXxAfterTheTransactionEndedGoesToTheTuAsStray() {
        start(UDP_TARGET);
        SipResponse ok = response(invite, 200);
        layer.onMessage(ok, UDP_FLOW);
        advanceMillis(32_000);

        layer.onMessage(ok, UDP_FLOW);

        assertEquals(List.of(ok), tu.strays);
    }

    @Test
    void transportErrorInCallingIsReportedAndTerminates() {
        sender.failSends(true);
        ClientInviteTransaction tx = start(UDP_TARGET);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.TRANSPORT_ERROR, listener.failures.get(0).kind());
        assertEquals(503, listener.failures.get(0).impliedStatus());
        assertEquals("VXTXN-002", listener.failures.get(0).errorCode());
        assertAllClear();
    }

    @Test
    void transportErrorOnTheAckInCompletedIsReportedAndTerminates() {
        ClientInviteTransaction tx = start(UDP_TARGET);
        sender.failSends(true);

        layer.onMessage(response(invite, 486), UDP_FLOW);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.TRANSPORT_ERROR, listener.failures.get(0).kind());
        assertAllClear();
    }

    @Test
    void cancelWaitsForAProvisionalResponseAndIsItsOwnTransaction() {
        ClientInviteTransaction tx = start(UDP_TARGET);
        RecordingClientListener cancelListener = new RecordingClientListener();

        assertTrue(layer.sendCancel(tx, cancelListener));
        assertTrue(sender.requests(SipMethod.CANCEL).isEmpty(), "no CANCEL before a provisional response (s9.1)");

        layer.onMessage(response(invite, 180), UDP_FLOW);
        SipRequest cancel = sender.requests(SipMethod.CANCEL).get(0);
        assertEquals(invite.topVia(), cancel.topVia());
        assertEquals(new CSeq(1, SipMethod.CANCEL), cancel.cseq());
        assertEquals(invite.requestUri(), cancel.requestUri());
        assertEquals(invite.to(), cancel.to());
        assertEquals(2, layer.clientTransactionCount());

        layer.onMessage(response(cancel, 200), UDP_FLOW);
        layer.onMessage(response(invite, 487), UDP_FLOW);

        assertEquals(List.of(200), cancelListener.statuses());
        assertEquals(List.of(180, 487), listener.statuses());
        assertEquals(1, sender.requests(SipMethod.ACK).size());
    }

    @Test
    void cancelAfterAFinalResponseIsRefused() {
        ClientInviteTransaction tx = start(UDP_TARGET);
        layer.onMessage(response(invite, 486), UDP_FLOW);

        assertFalse(layer.sendCancel(tx, new RecordingClientListener()));
        assertTrue(sender.requests(SipMethod.CANCEL).isEmpty());
    }

    @Test
    void finalResponseBeforeAProvisionalDropsAPendingCancel() {
        ClientInviteTransaction tx = start(UDP_TARGET);
        layer.sendCancel(tx, new RecordingClientListener());

        layer.onMessage(response(invite, 200), UDP_FLOW);
        layer.onMessage(response(invite, 180), UDP_FLOW);

        assertTrue(sender.requests(SipMethod.CANCEL).isEmpty());
    }
}
