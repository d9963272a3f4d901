package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.UDP_TARGET;
import static io.voxplane.stack.transaction.SipFixtures.invite;
import static io.voxplane.stack.transaction.SipFixtures.request;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionLayerTest extends TransactionHarness {

    @Test
    void newRequestsPastTheLimitGetAStateless503() {
        layer = new TransactionLayer(sender, timers, TransactionConfig.defaults().withMaxTransactions(1), tu);
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKl1"), UDP_FLOW);

        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKl2"), UDP_FLOW);

        assertEquals(1, tu.requests.size());
        SipResponse busy = sender.responses(503).get(0);
        assertTrue(busy.to().tag().isPresent());
        assertEquals(1, layer.rejectedOverLimit());
        assertEquals(1, layer.transactionCount());
    }

    @Test
    void pendingNonInviteCountsUnansweredNonInviteTransactionsOnly() {
        SipRequest options = request(SipMethod.OPTIONS, "z9hG4bKp1");
        layer.onMessage(options, UDP_FLOW);
        layer.onMessage(invite("z9hG4bKp2"), UDP_FLOW);
        SipRequest register = request(SipMethod.REGISTER, "z9hG4bKp3");
        layer.sendRequest(register, UDP_TARGET, listener);

        assertEquals(2, layer.pendingNonInviteCount());

        tu.serverTransactions.get(0).respond(response(options, 200));
        layer.onMessage(response(register, 200), UDP_FLOW);

        assertEquals(0, layer.pendingNonInviteCount());
        assertTrue(layer.transactionCount() >= 3, "answered transactions still absorb retransmissions");
    }

    @Test
    void clientRequestsPastTheLimitFailWithACode() {
        layer = new TransactionLayer(sender, timers, TransactionConfig.defaults().withMaxTransactions(1), tu);
        layer.sendRequest(request(SipMethod.OPTIONS, "z9hG4bKc1"), UDP_TARGET, listener);

        TransactionException refused = assertThrows(TransactionException.class,
                () -> layer.sendRequest(request(SipMethod.OPTIONS, "z9hG4bKc2"), UDP_TARGET, listener));

        assertEquals(TransactionException.LIMIT_REACHED, refused.errorCode());
    }

    @Test
    void theLimitFreesUpWhenTransactionsEnd() {
        layer = new TransactionLayer(sender, timers, TransactionConfig.defaults().withMaxTransactions(1), tu);
        SipRequest first = request(SipMethod.OPTIONS, "z9hG4bKc1");
        layer.sendRequest(first, UDP_TARGET, listener);
        layer.onMessage(response(first, 200), UDP_FLOW);
        advanceMillis(5_000);

        layer.sendRequest(request(SipMethod.OPTIONS, "z9hG4bKc2"), UDP_TARGET, listener);

        assertEquals(1, layer.transactionCount());
    }

    @Test
    void ackIsNeverAnsweredNotEvenPastTheLimit() {
        layer = new TransactionLayer(sender, timers, TransactionConfig.defaults().withMaxTransactions(1), tu);
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKl1"), UDP_FLOW);

        layer.onMessage(request(SipMethod.ACK, "z9hG4bKl2"), UDP_FLOW);

        assertTrue(sender.sent().isEmpty());
        assertEquals(1, tu.acks.size());
    }

    @Test
    void ackAndRequestsWithoutRfc3261BranchCannotStartClientTransactions() {
        assertEquals(TransactionException.BAD_REQUEST, assertThrows(TransactionException.class,
                () -> layer.sendRequest(request(SipMethod.ACK, "z9hG4bKa"), UDP_TARGET, listener)).errorCode());
        assertEquals(TransactionException.BAD_REQUEST, assertThrows(TransactionException.class,
                () -> layer.sendRequest(request(SipMethod.OPTIONS, "old"), UDP_TARGET, listener)).errorCode());
    }

    @Test
    void everyTransactionKindEndsWithAnEmptyTableAndNoPendingTimer() {
        SipRequest clientInvite = invite("z9hG4bKa1");
        SipRequest clientOptions = request(SipMethod.OPTIONS, "z9hG4bKa2");
        layer.sendRequest(clientInvite, UDP_TARGET, listener);
        layer.sendRequest(clientOptions, UDP_TARGET, listener);
        layer.sendRequest(request(SipMethod.INFO, "z9hG4bKa3"), UDP_TARGET, listener);
        layer.onMessage(response(clientInvite, 200), UDP_FLOW);
        layer.onMessage(response(clientOptions, 404), UDP_FLOW);

        tu.answer = (request, transaction) -> transaction.respond(response(request, request.isInvite() ? 486 : 200));
        layer.onMessage(invite("z9hG4bKb1"), UDP_FLOW);
        layer.onMessage(request(SipMethod.BYE, "z9hG4bKb2"), UDP_FLOW);
        tu.answer = (request, transaction) -> transaction.respond(response(request, 200));
        layer.onMessage(request(SipMethod.INVITE, "z9hG4bKb3", "127.0.0.1", 5), UDP_FLOW);
        tu.answer = (request, transaction) -> { };
        layer.onMessage(request(SipMethod.INVITE, "z9hG4bKb4", "127.0.0.1", 6), UDP_FLOW);
        layer.onMessage(ClientInviteTransaction.cancelFor(request(SipMethod.INVITE, "z9hG4bKb4", "127.0.0.1", 6)), UDP_FLOW);
        assertTrue(layer.transactionCount() > 5);
        assertTrue(timers.pendingCount() > 5);

        timers.advance(Duration.ofMinutes(2));

        assertAllClear();
    }

    @Test
    void shutdownEndsEveryTransactionCancelsTimersAndRefusesNewWork() {
        layer.sendRequest(invite("z9hG4bKs1"), UDP_TARGET, listener);
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKs2"), UDP_FLOW);

        layer.shutdown();

        assertAllClear();
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKs3"), UDP_FLOW);
        assertEquals(1, sender.responses(503).size());
        assertThrows(TransactionException.class, () -> layer.sendRequest(invite("z9hG4bKs4"), UDP_TARGET, listener));
    }

    @Test
    void aFailingTransactionUserGets500SentAndDoesNotEscapeToTheTransport() {
        tu.answer = (request, transaction) -> {
            throw new IllegalStateException("application bug");
        };

        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKe1"), UDP_FLOW);

        assertEquals(1, tu.requests.size());
        assertEquals(1, sender.responses(500).size());
    }

    @Test
    void configRejectsT2ShorterThanT1() {
        assertThrows(IllegalArgumentException.class, () -> new TransactionConfig(Duration.ofSeconds(5), Duration.ofSeconds(1),
                TransactionConfig.DEFAULT_T4, TransactionConfig.DEFAULT_TIMER_D, TransactionConfig.DEFAULT_TRYING_DELAY, 10));
    }

    @Test
    void shorterT1ShortensEveryDerivedTimer() {
        layer = new TransactionLayer(sender, timers, TransactionConfig.defaults().withT1(Duration.ofMillis(100)), tu);
        layer.sendRequest(invite("z9hG4bKt1"), UDP_TARGET, listener);

        advanceMillis(6_400);

        assertEquals(1, listener.failures.size(), "Timer B = 64*T1 = 6.4 s");
        assertEquals(List.of(0L, 100L, 300L, 700L, 1_500L, 3_100L, 6_300L), sender.requestTimesMillis(SipMethod.INVITE));
    }
}
