package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.TCP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.request;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.transport.Flow;
import org.junit.jupiter.api.Test;

class ServerNonInviteTransactionTest extends TransactionHarness {

    private final SipRequest bye = request(SipMethod.BYE, "z9hG4bKbye1");

    private ServerTransaction receive(Flow flow) {
        layer.onMessage(bye, flow);
        return tu.serverTransactions.get(tu.serverTransactions.size() - 1);
    }

    @Test
    void retransmissionInTryingIsAbsorbedSilently() {
        ServerTransaction tx = receive(UDP_FLOW);

        layer.onMessage(bye, UDP_FLOW);
        advanceMillis(1_000);

        assertEquals(TransactionState.TRYING, tx.state());
        assertTrue(sender.sent().isEmpty(), "no 100 Trying for non-INVITE and nothing to re-send");
        assertEquals(1, tu.requests.size());
    }

    @Test
    void retransmissionInProceedingGetsTheLastProvisional() {
        ServerTransaction tx = receive(UDP_FLOW);
        tx.respond(response(bye, 100));
        assertEquals(TransactionState.PROCEEDING, tx.state());

        layer.onMessage(bye, UDP_FLOW);

        assertEquals(2, sender.responses(100).size());
    }

    @Test
    void finalResponseCompletesRetransmissionsGetItAgainAndTimerJEndsIt() {
        ServerTransaction tx = receive(UDP_FLOW);
        tx.respond(response(bye, 200));
        assertEquals(TransactionState.COMPLETED, tx.state());

        layer.onMessage(bye, UDP_FLOW);
        assertEquals(2, sender.responses(200).size());

        advanceMillis(31_999);
        assertEquals(TransactionState.COMPLETED, tx.state());
        advanceMillis(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, tu.requests.size());
        assertAllClear();
    }

    @Test
    void onTcpTimerJIsZero() {
        ServerTransaction tx = receive(TCP_FLOW);

        tx.respond(response(bye, 200));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertAllClear();
    }

    @Test
    void responsesAfterTheFinalAreRefused() {
        ServerTransaction tx = receive(UDP_FLOW);
        tx.respond(response(bye, 200));

        assertThrows(TransactionException.class, () -> tx.respond(response(bye, 500)));
    }

    @Test
    void transportErrorIsReportedAndTerminates() {
        ServerTransaction tx = receive(UDP_FLOW);
        sender.failSends(true);

        tx.respond(response(bye, 200));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.TRANSPORT_ERROR, tu.failures.get(0).kind());
        assertAllClear();
    }

    @Test
    void requestTheTuNeverAnswersIsDroppedAfter64T1() {
        ServerTransaction tx = receive(UDP_FLOW);

        advanceMillis(31_999);
        assertEquals(TransactionState.TRYING, tx.state());
        advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.UNANSWERED, tu.failures.get(0).kind());
        assertTrue(sender.sent().isEmpty());
        assertAllClear();
    }

    @Test
    void answeredRequestIsNotReportedAsUnanswered() {
        ServerTransaction tx = receive(UDP_FLOW);
        tx.respond(response(bye, 200));

        advanceMillis(40_000);

        assertTrue(tu.failures.isEmpty());
        assertAllClear();
    }
}

