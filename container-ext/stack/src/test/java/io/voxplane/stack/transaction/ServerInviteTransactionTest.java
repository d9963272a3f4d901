package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.TCP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.ackFor;
import static io.voxplane.stack.transaction.SipFixtures.invite;
import static io.voxplane.stack.transaction.SipFixtures.request;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerInviteTransactionTest extends TransactionHarness {

    private final SipRequest invite = invite("z9hG4bKsrv1");

    private ServerInviteTransaction receive(Flow flow) {
        layer.onMessage(invite, flow);
        return (ServerInviteTransaction) tu.serverTransactions.get(tu.serverTransactions.size() - 1);
    }

    @Test
    void newInviteStartsInProceedingAndGoesToTheTu() {
        ServerInviteTransaction tx = receive(UDP_FLOW);

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of(invite), tu.requests);
        assertEquals(1, layer.serverTransactionCount());
    }

    @Test
    void sends100TryingWhenTheTuIsSilentFor200Milliseconds() {
        receive(UDP_FLOW);

        advanceMillis(199);
        assertTrue(sender.responses().isEmpty());
        advanceMillis(1);

        SipResponse trying = sender.responses(100).get(0);
        assertTrue(trying.to().tag().isEmpty(), "100 Trying needs no To tag");
        assertEquals(invite.topVia(), trying.topVia());
    }

    @Test
    void sendsNo100TryingWhenTheTuAnswersFirst() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        tx.respond(response(invite, 180));

        advanceMillis(1_000);

        assertTrue(sender.responses(100).isEmpty());
        assertEquals(1, sender.responses(180).size());
    }

    @Test
    void retransmittedInviteInProceedingGetsTheLastProvisionalAgain() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        layer.onMessage(invite, UDP_FLOW);
        assertTrue(sender.responses().isEmpty(), "nothing to re-send before any response");

        tx.respond(response(invite, 180));
        layer.onMessage(invite, UDP_FLOW);

        assertEquals(2, sender.responses(180).size());
        assertEquals(1, tu.requests.size(), "the retransmission is absorbed, not passed up");
    }

    @Test
    void non2xxFinalIsRetransmittedWithTimerGDoublingToT2UntilTimerH() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        tx.respond(response(invite, 486));
        assertEquals(TransactionState.COMPLETED, tx.state());

        advanceMillis(40_000);

        assertEquals(List.of(0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L),
                sender.responseTimesMillis(486));
        assertEquals(TransactionState.TERMINATED, tx.state());
    }

    @Test
    void timerHWithoutAckReportsNoAckAndTerminates() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        tx.respond(response(invite, 486));

        advanceMillis(31_999);
        assertEquals(TransactionState.COMPLETED, tx.state());
        advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.NO_ACK, tu.failures.get(0).kind());
        assertEquals("VXTXN-003", tu.failures.get(0).errorCode());
        assertEquals(List.of(tx), tu.terminated);
        assertAllClear();
    }

    @Test
    void retransmittedInviteInCompletedGetsTheFinalResponseAgain() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        tx.respond(response(invite, 486));

        layer.onMessage(invite, UDP_FLOW);

        assertEquals(2, sender.responses(486).size());
    }

    @Test
    void ackConfirmsStopsRetransmissionAndTimerIEndsItAfterT4() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        SipResponse busy = response(invite, 486);
        tx.respond(busy);

        layer.onMessage(ackFor(invite, busy), UDP_FLOW);
        assertEquals(TransactionState.CONFIRMED, tx.state());
        layer.onMessage(ackFor(invite, busy), UDP_FLOW);
        layer.onMessage(invite, UDP_FLOW);

        assertTrue(tu.acks.isEmpty(), "ACK for a non-2xx belongs to the transaction");
        assertEquals(1, sender.responses(486).size(), "no retransmission after the ACK");
        advanceMillis(4_999);
        assertEquals(TransactionState.CONFIRMED, tx.state());
        advanceMillis(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertAllClear();
    }

    @Test
    void onTcpTheFinalIsNotRetransmittedAndTheAckEndsTheTransactionAtOnce() {
        ServerInviteTransaction tx = receive(TCP_FLOW);
        SipResponse busy = response(invite, 486);
        tx.respond(busy);
        advanceMillis(10_000);
        assertEquals(1, sender.responses(486).size());

        layer.onMessage(ackFor(invite, busy), TCP_FLOW);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertAllClear();
    }

    @Test
    void twoXxMovesToAcceptedAbsorbsInviteRetransmissionsPassesAcksAndTimerLEndsIt() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        SipResponse ok = response(invite, 200);
        tx.respond(ok);
        assertEquals(TransactionState.ACCEPTED, tx.state());

        layer.onMessage(invite, UDP_FLOW);
        assertEquals(1, sender.responses(200).size(), "INVITE retransmissions are absorbed in Accepted");

        tx.respond(ok);
        assertEquals(2, sender.responses(200).size(), "the TU's own 2xx retransmission goes out");

        SipRequest ackSameBranch = ackFor(invite, ok);
        layer.onMessage(ackSameBranch, UDP_FLOW);
        assertEquals(List.of(ackSameBranch), tu.acks, "an ACK matched in Accepted goes to the TU (RFC 6026)");

        advanceMillis(31_999);
        assertEquals(TransactionState.ACCEPTED, tx.state());
        advanceMillis(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertAllClear();
    }

    @Test
    void secondFinalResponseIsRefusedWithACode() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        tx.respond(response(invite, 486));

        TransactionException refused = assertThrows(TransactionException.class, () -> tx.respond(response(invite, 200)));
        assertEquals("VXTXN-005", refused.errorCode());
    }

    @Test
    void responseForAnotherRequestIsRefused() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        SipRequest other = request(SipMethod.INVITE, "z9hG4bKother", "127.0.0.1", 2);

        assertThrows(TransactionException.class, () -> tx.respond(response(other, 200)));
    }

    @Test
    void transportErrorInProceedingIsReportedAndTerminates() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        sender.failSends(true);

        tx.respond(response(invite, 180));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.TRANSPORT_ERROR, tu.failures.get(0).kind());
        assertAllClear();
    }

    @Test
    void transportErrorInCompletedIsReportedAndTerminates() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        tx.respond(response(invite, 486));
        sender.failSends(true);

        advanceMillis(500);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.TRANSPORT_ERROR, tu.failures.get(0).kind());
        assertAllClear();
    }

    @Test
    void transportErrorInAcceptedIsReportedButTheTransactionWaitsForTimerL() {
        ServerInviteTransaction tx = receive(UDP_FLOW);
        sender.failSends(true);

        tx.respond(response(invite, 200));

        assertEquals(TransactionState.ACCEPTED, tx.state());
        assertEquals(1, tu.failures.size());
        advanceMillis(32_000);
        assertAllClear();
    }
}
