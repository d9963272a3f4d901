package io.voxplane.stack.transaction;

import static io.voxplane.stack.transaction.SipFixtures.UDP_FLOW;
import static io.voxplane.stack.transaction.SipFixtures.UDP_TARGET;
import static io.voxplane.stack.transaction.SipFixtures.ackFor;
import static io.voxplane.stack.transaction.SipFixtures.invite;
import static io.voxplane.stack.transaction.SipFixtures.request;
import static io.voxplane.stack.transaction.SipFixtures.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.CSeq;
import io.voxplane.sip.Parameters;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 3261 s17.1.3 and s17.2.3 matching, including the RFC 2543 fallback, CANCEL and ACK. */
class TransactionMatchingTest extends TransactionHarness {

    @Test
    void sameBranchSentByAndMethodIsTheSameServerTransaction() {
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKm1"), UDP_FLOW);
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKm1"), UDP_FLOW);

        assertEquals(1, tu.requests.size());
        assertEquals(1, layer.serverTransactionCount());
    }

    @Test
    void sameBranchFromAnotherSentByIsAnotherServerTransaction() {
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKm1", "127.0.0.1", 1), UDP_FLOW);
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKm1", "127.0.0.2", 1), UDP_FLOW);

        assertEquals(2, tu.requests.size());
    }

    @Test
    void sameBranchWithAnotherMethodIsAnotherServerTransaction() {
        layer.onMessage(request(SipMethod.OPTIONS, "z9hG4bKm1"), UDP_FLOW);
        layer.onMessage(request(SipMethod.INFO, "z9hG4bKm1"), UDP_FLOW);

        assertEquals(2, tu.requests.size());
    }

    @Test
    void ackForNon2xxMatchesTheInviteTransactionButAckFor2xxGoesToTheTu() {
        SipRequest invite = invite("z9hG4bKi1");
        layer.onMessage(invite, UDP_FLOW);
        ServerInviteTransaction tx = (ServerInviteTransaction) tu.serverTransactions.get(0);
        SipResponse busy = response(invite, 486);
        tx.respond(busy);

        SipRequest ackFor2xxOfAnotherCall = ackFor(invite("z9hG4bKnewbranch"), busy);
        layer.onMessage(ackFor2xxOfAnotherCall, UDP_FLOW);
        assertEquals(List.of(ackFor2xxOfAnotherCall), tu.acks, "an ACK with a new branch is the 2xx ACK");
        assertEquals(TransactionState.COMPLETED, tx.state());

        layer.onMessage(ackFor(invite, busy), UDP_FLOW);
        assertEquals(TransactionState.CONFIRMED, tx.state());
        assertEquals(1, tu.acks.size());
    }

    @Test
    void cancelMatchesTheInviteIsAnsweredByItsOwnTransactionAndTheInviteGets487() {
        SipRequest invite = invite("z9hG4bKc1");
        layer.onMessage(invite, UDP_FLOW);
        ServerInviteTransaction inviteTx = (ServerInviteTransaction) tu.serverTransactions.get(0);
        inviteTx.respond(response(invite, 180));

        SipRequest cancel = ClientInviteTransaction.cancelFor(invite);
        layer.onMessage(cancel, UDP_FLOW);

        assertEquals(List.of(cancel), tu.cancels);
        assertEquals(List.of(invite), tu.requests, "CANCEL goes to onCancel, not onRequest");
        SipResponse cancelOk = sender.responses(200).get(0);
        assertEquals(SipMethod.CANCEL, cancelOk.cseq().method());
        assertEquals(Optional.of("totag"), cancelOk.to().tag(), "200 to CANCEL reuses the INVITE's To tag");
        SipResponse terminated = sender.responses(487).get(0);
        assertEquals(SipMethod.INVITE, terminated.cseq().method());
        assertEquals(Optional.of("totag"), terminated.to().tag());
        assertTrue(inviteTx.isCancelled());
        assertEquals(TransactionState.COMPLETED, inviteTx.state());
        assertEquals(2, layer.serverTransactionCount(), "the CANCEL has its own transaction");
    }

    @Test
    void cancelWithoutMatchingInviteGets481() {
        layer.onMessage(ClientInviteTransaction.cancelFor(invite("z9hG4bKnone")), UDP_FLOW);

        assertEquals(481, sender.responses().get(0).status());
        assertTrue(sender.responses().get(0).to().tag().isPresent());
        assertTrue(tu.cancels.isEmpty());
    }

    @Test
    void cancelAfterTheFinalResponseGets200AndLeavesTheInviteAlone() {
        SipRequest invite = invite("z9hG4bKc2");
        layer.onMessage(invite, UDP_FLOW);
        ServerInviteTransaction inviteTx = (ServerInviteTransaction) tu.serverTransactions.get(0);
        inviteTx.respond(response(invite, 200));

        layer.onMessage(ClientInviteTransaction.cancelFor(invite), UDP_FLOW);

        assertEquals(2, sender.responses(200).size());
        assertTrue(sender.responses(487).isEmpty());
        assertEquals(TransactionState.ACCEPTED, inviteTx.state());
    }

    @Test
    void rfc2543RequestWithoutMagicCookieMatchesItsRetransmission() {
        SipRequest old = request(SipMethod.OPTIONS, "1234");
        layer.onMessage(old, UDP_FLOW);
        layer.onMessage(request(SipMethod.OPTIONS, "1234"), UDP_FLOW);

        assertEquals(1, tu.requests.size());
        assertTrue(tu.serverTransactions.get(0).key().isRfc2543());
    }

    @Test
    void rfc2543RequestWithAnotherCSeqIsANewTransaction() {
        layer.onMessage(request(SipMethod.OPTIONS, "1234", "127.0.0.1", 1), UDP_FLOW);
        layer.onMessage(request(SipMethod.OPTIONS, "1234", "127.0.0.1", 2), UDP_FLOW);

        assertEquals(2, tu.requests.size());
    }

    @Test
    void rfc2543RequestWithoutAnyBranchMatchesByTheOtherFields() {
        SipRequest noBranch = request(SipMethod.OPTIONS, "z9hG4bKx").toBuilder()
                .vias(List.of(new Via("UDP", "127.0.0.1", 5070, Parameters.empty())))
                .build();
        layer.onMessage(noBranch, UDP_FLOW);
        layer.onMessage(noBranch, UDP_FLOW);

        assertEquals(1, tu.requests.size());
    }

    @Test
    void rfc2543AckMatchesTheInviteOnlyWithTheToTagOfItsResponse() {
        SipRequest invite = invite("oldstyle");
        layer.onMessage(invite, UDP_FLOW);
        ServerInviteTransaction tx = (ServerInviteTransaction) tu.serverTransactions.get(0);
        SipResponse busy = response(invite, 486);
        tx.respond(busy);

        SipRequest wrongTag = ackFor(invite, busy).toBuilder().to(invite.to().withTag("other")).build();
        layer.onMessage(wrongTag, UDP_FLOW);
        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of(wrongTag), tu.acks);

        layer.onMessage(ackFor(invite, busy), UDP_FLOW);
        assertEquals(TransactionState.CONFIRMED, tx.state());
    }

    @Test
    void rfc2543CancelFindsTheInvite() {
        SipRequest invite = invite("oldstyle");
        layer.onMessage(invite, UDP_FLOW);

        layer.onMessage(ClientInviteTransaction.cancelFor(invite), UDP_FLOW);

        assertEquals(1, tu.cancels.size());
        assertEquals(1, sender.responses(487).size());
    }

    @Test
    void responseMatchesByBranchAndCSeqMethod() {
        SipRequest invite = invite("z9hG4bKr1");
        RecordingClientListener cancelListener = new RecordingClientListener();
        ClientInviteTransaction inviteTx = (ClientInviteTransaction) layer.sendRequest(invite, UDP_TARGET, listener);
        layer.onMessage(response(invite, 180), UDP_FLOW);
        layer.sendCancel(inviteTx, cancelListener);

        SipResponse cancelOk = response(ClientInviteTransaction.cancelFor(invite), 200);
        assertEquals(invite.topVia().branch(), cancelOk.topVia().branch());
        layer.onMessage(cancelOk, UDP_FLOW);

        assertEquals(List.of(200), cancelListener.statuses());
        assertEquals(List.of(180), listener.statuses());
        assertEquals(TransactionState.PROCEEDING, inviteTx.state());
    }

    @Test
    void strayNon2xxResponseIsDroppedAndCounted() {
        layer.onMessage(response(invite("z9hG4bKnobody"), 180), UDP_FLOW);
        layer.onMessage(response(request(SipMethod.BYE, "z9hG4bKnobody"), 200), UDP_FLOW);

        assertEquals(2, layer.strayResponsesDropped());
        assertTrue(tu.strays.isEmpty());
    }

    @Test
    void stray2xxToInviteGoesToTheTu() {
        SipResponse ok = response(invite("z9hG4bKgone"), 200);

        layer.onMessage(ok, UDP_FLOW);

        assertEquals(List.of(ok), tu.strays);
    }

    @Test
    void clientKeyAndServerKeyOfOneRequestDiffer() {
        SipRequest invite = invite("z9hG4bKk1");

        assertNotEquals(TransactionKey.forClientRequest(invite), TransactionKey.forServerRequest(invite));
        assertEquals(TransactionKey.forServerRequest(invite),
                TransactionKey.forServerRequest(ackFor(invite, response(invite, 486))));
        assertEquals(TransactionKey.forServerRequest(invite),
                TransactionKey.forCancelledInvite(ClientInviteTransaction.cancelFor(invite)));
    }

    @Test
    void sentByComparisonIgnoresCase() {
        SipRequest lower = request(SipMethod.OPTIONS, "z9hG4bKcase", "host.example", 1);
        SipRequest upper = request(SipMethod.OPTIONS, "z9hG4bKcase", "HOST.example", 1);

        assertEquals(TransactionKey.forServerRequest(lower), TransactionKey.forServerRequest(upper));
    }

    @Test
    void findServerTransactionReturnsTheLiveOne() {
        SipRequest options = request(SipMethod.OPTIONS, "z9hG4bKf1");
        layer.onMessage(options, UDP_FLOW);

        assertSame(tu.serverTransactions.get(0), layer.findServerTransaction(options).orElseThrow());
    }

    @Test
    void cseqOfAckForNon2xxKeepsTheInviteNumber() {
        SipRequest invite = request(SipMethod.INVITE, "z9hG4bKn", "127.0.0.1", 42);

        assertEquals(new CSeq(42, SipMethod.ACK), ackFor(invite, response(invite, 486)).cseq());
    }
}
