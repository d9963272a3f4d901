package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.TCP_TARGET;
import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.UDP_TARGET;
import static io.voxplane.stack.transaction.SipFixtures.request;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.transport.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientNonInviteTransactionTest extends TransactionHarness {

    private final SipRequest options = request(SipMethod.OPTIONS, "z9hG4bKopt1");

    private ClientTransaction start(Target target) {
        return layer.sendRequest(options, target, listener);
    }

    @Test
    void retransmitsWithTimerEDoublingUpToT2UntilTimerF() {
        ClientTransaction tx = start(UDP_TARGET);
        assertEquals(TransactionState.TRYING, tx.state());

        advanceMillis(40_000);

        assertEquals(List.of(0L, 500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L),
                sender.requestTimesMillis(SipMethod.OPTIONS));
    }

    @Test
    void timerFAt64T1ReportsTimeoutAndTerminates() {
        ClientTransaction tx = start(UDP_TARGET);

        advanceMillis(31_999);
        assertEquals(TransactionState.TRYING, tx.state());
        advanceMillis(1);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.TIMEOUT, listener.failures.get(0).kind());
        assertEquals("VXTXN-001", listener.failures.get(0).errorCode());
        assertAllClear();
    }

    @Test
    void inProceedingRetransmitsEveryT2() {
        ClientTransaction tx = start(UDP_TARGET);
        advanceMillis(600);
        layer.onMessage(response(options, 100), UDP_FLOW);
        assertEquals(TransactionState.PROCEEDING, tx.state());

        advanceMillis(12_000);

        assertEquals(List.of(0L, 500L, 1_500L, 5_500L, 9_500L), sender.requestTimesMillis(SipMethod.OPTIONS));
    }

    @Test
    void provisionalResponsesArePassedUpInTryingAndProceeding() {
        start(UDP_TARGET);

        layer.onMessage(response(options, 100), UDP_FLOW);
        layer.onMessage(response(options, 180), UDP_FLOW);

        assertEquals(List.of(100, 180), listener.statuses());
    }

    @Test
    void finalResponseCompletesAndTimerKEndsItAfterT4() {
        ClientTransaction tx = start(UDP_TARGET);

        layer.onMessage(response(options, 200), UDP_FLOW);
        assertEquals(TransactionState.COMPLETED, tx.state());
        layer.onMessage(response(options, 200), UDP_FLOW);
        layer.onMessage(response(options, 100), UDP_FLOW);
        assertEquals(List.of(200), listener.statuses(), "responses in Completed are absorbed");

        advanceMillis(4_999);
        assertEquals(TransactionState.COMPLETED, tx.state());
        advanceMillis(1);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, sender.requests(SipMethod.OPTIONS).size(), "no retransmission after the final response");
        assertAllClear();
    }

    @Test
    void onTcpNothingIsRetransmittedAndTimerKIsZero() {
        ClientTransaction tx = start(TCP_TARGET);
        advanceMillis(10_000);
        assertEquals(1, sender.requests(SipMethod.OPTIONS).size());

        layer.onMessage(response(options, 404), UDP_FLOW);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertAllClear();
    }

    @Test
    void transportErrorIsReportedAndTerminates() {
        sender.failSends(true);
        ClientTransaction tx = start(UDP_TARGET);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(TransactionFailure.Kind.TRANSPORT_ERROR, listener.failures.get(0).kind());
        assertTrue(listener.responses.isEmpty());
        assertAllClear();
    }

    @Test
    void transportErrorOnARetransmissionIsReported() {
        ClientTransaction tx = start(UDP_TARGET);
        sender.failSends(true);

        advanceMillis(500);

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(1, listener.failures.size());
        assertAllClear();
    }
}
