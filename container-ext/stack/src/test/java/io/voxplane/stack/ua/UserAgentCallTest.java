package io.voxplane.stack.ua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Via;
import io.voxplane.stack.dialog.DialogId;
import io.voxplane.stack.timer.ManualTimerService;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two user agents wired back to back through an in-memory network, in virtual time. */
@Timeout(20)
class UserAgentCallTest {

    private static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 5061);
    private static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 5062);
    private static final byte[] OFFER = "v=0\r\no=alice 1 1 IN IP4 127.0.0.1\r\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ANSWER = "v=0\r\no=bob 2 2 IN IP4 127.0.0.1\r\n".getBytes(StandardCharsets.UTF_8);

    private final ManualTimerService timers = new ManualTimerService();
    private final InMemoryNetwork network = new InMemoryNetwork();
    private final List<IncomingCall> incoming = new ArrayList<>();
    private Consumer<IncomingCall> bobAnswers = call -> {
        call.ringing();
        call.answer("application/sdp", ANSWER);
    };
    private final UserAgent alice = new UserAgent(network.senderFor(ALICE), timers,
            UserAgentConfig.of("127.0.0.1", 5061, TransportType.UDP), IncomingCallHandler.rejectAll());
    private final UserAgent bob = new UserAgent(network.senderFor(BOB), timers,
            UserAgentConfig.of("127.0.0.1", 5062, TransportType.UDP), call -> {
                incoming.add(call);
                bobAnswers.accept(call);
            });

    {
        network.attach(ALICE, alice.inboundHandler());
        network.attach(BOB, bob.inboundHandler());
    }

    private static Address address(String text) {
        try {
            return Address.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError(text, e);
        }
    }

    private static <T> T completed(CompletableFuture<T> future) {
        assertTrue(future.isDone(), "future not completed");
        return future.join();
    }

    private static CallFailedException failed(CompletableFuture<?> future) {
        assertTrue(future.isDone(), "future not completed");
        CompletionException failure = assertThrows(CompletionException.class, future::join);
        return assertInstanceOf(CallFailedException.class, failure.getCause());
    }

    private OutgoingCall aliceCallsBob() {
        OutgoingCall call = alice.call(address("<sip:alice@127.0.0.1:5061>"), address("<sip:bob@127.0.0.1:5062>"),
                null, "application/sdp", OFFER);
        network.deliverAll();
        return call;
    }

    /** Advances virtual time in 50 ms steps, delivering what each step sends. */
    private void run(Duration span) {
        Duration step = Duration.ofMillis(50);
        for (Duration done = Duration.ZERO; done.compareTo(span) < 0; done = done.plus(step)) {
            timers.advance(step);
            network.deliverAll();
        }
    }

    private void assertBothAgentsIdle() {
        run(Duration.ofSeconds(40));
        assertEquals(0, alice.transactions().transactionCount(), "alice transactions");
        assertEquals(0, bob.transactions().transactionCount(), "bob transactions");
        assertEquals(0, alice.dialogs().size(), "alice dialogs");
        assertEquals(0, bob.dialogs().size(), "bob dialogs");
        assertEquals(0, alice.activeCalls() + bob.activeCalls(), "calls");
        assertEquals(0, timers.pendingCount(), "timers");
    }

    @Test
    void callIsRungAnsweredAcknowledgedAndHungUp() {
        OutgoingCall call = aliceCallsBob();

        assertEquals(180, completed(call.progress()).status());
        SipResponse ok = completed(call.answered());
        assertEquals(200, ok.status());
        assertArrayEquals(ANSWER, call.remoteBody());
        IncomingCall bobSide = incoming.get(0);
        assertArrayEquals(OFFER, bobSide.remoteBody());
        assertTrue(bobSide.acknowledged().isDone(), "bob got the ACK for his 2xx");
        assertEquals(CallState.CONFIRMED, call.state());
        assertEquals(CallState.CONFIRMED, bobSide.state());
        DialogId aliceDialog = call.dialog().orElseThrow().id();
        DialogId bobDialog = bobSide.dialog().orElseThrow().id();
        assertEquals(aliceDialog.localTag(), bobDialog.remoteTag());
        assertEquals(aliceDialog.remoteTag(), bobDialog.localTag());

        SipRequest ack = network.requests(SipMethod.ACK).get(0);
        SipRequest invite = network.requests(SipMethod.INVITE).get(0);
        assertEquals(new CSeq(1, SipMethod.ACK), ack.cseq());
        assertNotEquals(invite.topVia().branch(), ack.topVia().branch(), "the ACK for a 2xx has a new branch");
        assertEquals(bobSide.dialog().orElseThrow().remoteTarget(), invite.contacts().get(0).uri());

        CompletableFuture<SipResponse> bye = call.hangup();
        network.deliverAll();
        SipResponse byeOk = completed(bye);

        assertEquals(200, byeOk.status());
        assertEquals(new CallEnd(CallEnd.Reason.LOCAL_BYE, 0), completed(call.ended()));
        assertEquals(new CallEnd(CallEnd.Reason.REMOTE_BYE, 0), completed(bobSide.ended()));
        assertEquals(new CSeq(2, SipMethod.BYE), network.requests(SipMethod.BYE).get(0).cseq());
        assertBothAgentsIdle();
    }

    @Test
    void rejectedCallFailsWithTheStatusAndTheTransactionLayerSendsTheAck() {
        bobAnswers = call -> call.reject(486);

        OutgoingCall call = aliceCallsBob();

        CallFailedException rejected = failed(call.answered());
        assertEquals(486, rejected.status());
        assertEquals(new CallEnd(CallEnd.Reason.REJECTED, 486), completed(call.ended()));
        SipRequest ack = network.requests(SipMethod.ACK).get(0);
        assertEquals(network.requests(SipMethod.INVITE).get(0).topVia(), ack.topVia(), "non-2xx ACK reuses the INVITE branch");
        assertEquals(1, network.responses(486, SipMethod.INVITE).size(), "the ACK stopped bob's retransmissions");
        assertBothAgentsIdle();
    }

    @Test
    void everyProvisionalReachesListenersInOrderAlsoOneThatRegistersLate() {
        bobAnswers = call -> {
            call.ringing();
            call.provisional(183, "application/sdp", ANSWER);
        };
        OutgoingCall call = alice.call(address("<sip:alice@127.0.0.1:5061>"), address("<sip:bob@127.0.0.1:5062>"),
                null, "application/sdp", OFFER);
        List<SipResponse> early = new ArrayList<>();
        call.onProvisional(early::add);
        network.deliverAll();
        List<SipResponse> late = new ArrayList<>();
        call.onProvisional(late::add);

        for (List<SipResponse> seen : List.of(early, late)) {
            assertEquals(List.of(180, 183), seen.stream().map(SipResponse::status).toList());
            assertArrayEquals(ANSWER, seen.get(1).body());
        }
        assertEquals(180, completed(call.progress()).status(), "progress is the first one");

        call.hangup();
        network.deliverAll();
        assertEquals(487, failed(call.answered()).status());
        assertBothAgentsIdle();
    }

    @Test
    void callerCancelsARingingCall() {
        bobAnswers = IncomingCall::ringing;
        OutgoingCall call = aliceCallsBob();
        assertEquals(180, completed(call.progress()).status());

        assertTrue(call.cancel());
        network.deliverAll();

        assertEquals(1, network.responses(200, SipMethod.CANCEL).size());
        assertEquals(1, network.responses(487, SipMethod.INVITE).size());
        assertEquals(487, failed(call.answered()).status());
        assertEquals(new CallEnd(CallEnd.Reason.CANCELLED, 487), completed(incoming.get(0).ended()));
        assertBothAgentsIdle();
    }

    @Test
    void lostAckMakesTheCalleeRetransmitItsOkAndTheCallerAcksAgain() {
        int[] acksLost = {0};
        network.lose(message -> message instanceof SipRequest r && r.isAck() && acksLost[0]++ == 0);

        OutgoingCall call = aliceCallsBob();
        IncomingCall bobSide = incoming.get(0);
        assertTrue(call.answered().isDone());
        assertFalse(bobSide.acknowledged().isDone());

        run(Duration.ofMillis(600));

        assertEquals(2, network.responses(200, SipMethod.INVITE).size());
        assertEquals(2, network.requests(SipMethod.ACK).size());
        assertTrue(bobSide.acknowledged().isDone());
        run(Duration.ofSeconds(5));
        assertEquals(2, network.responses(200, SipMethod.INVITE).size(), "no retransmission after the ACK");
    }

    @Test
    void calleeWithoutAnyAckGivesUpAfter64T1AndSendsBye() {
        network.lose(message -> message instanceof SipRequest r && r.isAck());
        OutgoingCall call = aliceCallsBob();
        IncomingCall bobSide = incoming.get(0);

        run(Duration.ofSeconds(33));

        assertEquals(new CallEnd(CallEnd.Reason.NO_ACK, 408), completed(bobSide.ended()));
        assertEquals(new CallEnd(CallEnd.Reason.REMOTE_BYE, 0), completed(call.ended()));
        List<SipResponse> oks = network.responses(200, SipMethod.INVITE);
        assertEquals(11, oks.size(), "2xx at 0, 0.5, 1.5, 3.5, 7.5, then every T2 until 31.5 s");
        assertBothAgentsIdle();
    }

    @Test
    void okRetransmittedAfterTheCallerTransactionEndedIsAckedAgain() {
        OutgoingCall call = aliceCallsBob();
        SipResponse ok = network.responses(200, SipMethod.INVITE).get(0);
        run(Duration.ofSeconds(33));
        assertEquals(0, alice.transactions().transactionCount());

        network.inject(ok, BOB, ALICE);
        network.deliverAll();

        assertEquals(2, network.requests(SipMethod.ACK).size());
        assertEquals(call.ack(), network.requests(SipMethod.ACK).get(1));
    }

    @Test
    void optionsIsAnsweredWith200AndAllow() {
        SipResponse response = alice.options(address("<sip:alice@127.0.0.1:5061>"), address("<sip:bob@127.0.0.1:5062>"), null)
                .getNow(null);
        assertEquals(null, response);
        network.deliverAll();

        SipResponse ok = network.responses(200, SipMethod.OPTIONS).get(0);
        assertEquals(UserAgent.ALLOW, ok.header("Allow").orElseThrow());
        assertTrue(ok.to().tag().isPresent());
        assertBothAgentsIdle();
    }

    @Test
    void byeForAnUnknownDialogGets481() {
        SipRequest bye = SipRequest.builder(SipMethod.BYE, address("<sip:bob@127.0.0.1:5062>").uri())
                .via(Via.of("UDP", "127.0.0.1", 5061, "z9hG4bKstray"))
                .from(address("<sip:alice@127.0.0.1:5061>;tag=a"))
                .to(address("<sip:bob@127.0.0.1:5062>;tag=b"))
                .callId("nobody@127.0.0.1")
                .cseq(new CSeq(5, SipMethod.BYE))
                .build();

        network.inject(bye, ALICE, BOB);
        network.deliverAll();

        assertEquals(1, network.responses(481, SipMethod.BYE).size());
    }

    @Test
    void unsupportedMethodOutsideADialogGets405WithAllow() {
        SipRequest message = SipRequest.builder(SipMethod.MESSAGE, address("<sip:bob@127.0.0.1:5062>").uri())
                .via(Via.of("UDP", "127.0.0.1", 5061, "z9hG4bKmsg"))
                .from(address("<sip:alice@127.0.0.1:5061>;tag=a"))
                .to(address("<sip:bob@127.0.0.1:5062>"))
                .callId("msg@127.0.0.1")
                .cseq(new CSeq(1, SipMethod.MESSAGE))
                .build();

        network.inject(message, ALICE, BOB);
        network.deliverAll();

        assertEquals(UserAgent.ALLOW, network.responses(405, SipMethod.MESSAGE).get(0).header("Allow").orElseThrow());
    }

    @Test
    void applicationThatThrowsGets500Sent() {
        bobAnswers = call -> {
            throw new IllegalStateException("app bug");
        };

        OutgoingCall call = aliceCallsBob();

        assertEquals(1, network.responses(500, SipMethod.INVITE).size());
        assertEquals(500, failed(call.answered()).status());
    }

    @Test
    void callToAnUnreachableTargetFailsWith503() {
        OutgoingCall call = alice.call(address("<sip:alice@127.0.0.1:5061>"), address("<sip:carol@127.0.0.1:5099>"),
                null, "application/sdp", OFFER);

        assertEquals(503, failed(call.answered()).status());
        assertEquals(CallEnd.Reason.FAILED, completed(call.ended()).reason());
    }

    @Test
    void hangingUpAnUnconfirmedIncomingCallIsRefused() {
        bobAnswers = IncomingCall::ringing;
        aliceCallsBob();

        UserAgentException refused = assertThrows(UserAgentException.class,
                () -> incoming.get(0).hangup());
        assertEquals(UserAgentException.WRONG_STATE, refused.errorCode());
    }

    @Test
    void reInviteInTheDialogIsAnsweredWithTheSameSession() {
        OutgoingCall call = aliceCallsBob();
        var dialog = call.dialog().orElseThrow();
        SipRequest reInvite = dialog.newRequest(SipMethod.INVITE)
                .via(alice.config().via("z9hG4bKreinvite"))
                .contact(address("<sip:alice@127.0.0.1:5061;ob>"))
                .build();

        network.inject(reInvite, ALICE, BOB);
        network.deliverAll();

        SipResponse ok = network.responses(200, SipMethod.INVITE).get(1);
        assertArrayEquals(ANSWER, ok.body());
        assertEquals(address("<sip:alice@127.0.0.1:5061;ob>").uri(), incoming.get(0).dialog().orElseThrow().remoteTarget());
    }

    @Test
    void agentsWorkWithShortTimers() {
        TransactionConfig fast = TransactionConfig.defaults().withT1(Duration.ofMillis(50));
        UserAgent quick = new UserAgent(network.senderFor(new InetSocketAddress("127.0.0.1", 5063)), timers,
                UserAgentConfig.of("127.0.0.1", 5063, TransportType.UDP).withTransactions(fast), IncomingCallHandler.rejectAll());
        network.attach(new InetSocketAddress("127.0.0.1", 5063), quick.inboundHandler());
        network.lose(message -> message instanceof SipRequest r && r.isInvite());

        OutgoingCall call = quick.call(address("<sip:q@127.0.0.1:5063>"), address("<sip:bob@127.0.0.1:5062>"), null, null, null);
        run(Duration.ofMillis(3_250));

        assertEquals(408, failed(call.answered()).status(), "Timer B = 64 * 50 ms");
    }

    @Test
    void overTcpTheContactSaysSoAndTheOkIsNotRetransmitted() {
        InetSocketAddress carolAddress = new InetSocketAddress("127.0.0.1", 5064);
        List<IncomingCall> carolCalls = new ArrayList<>();
        UserAgent carol = new UserAgent(network.senderFor(carolAddress), timers,
                UserAgentConfig.of("127.0.0.1", 5064, TransportType.TCP), call -> {
                    carolCalls.add(call);
                    call.answer("application/sdp", ANSWER);
                });
        network.attach(carolAddress, carol.inboundHandler());
        UserAgent dave = new UserAgent(network.senderFor(new InetSocketAddress("127.0.0.1", 5065)), timers,
                UserAgentConfig.of("127.0.0.1", 5065, TransportType.TCP), IncomingCallHandler.rejectAll());
        network.attach(new InetSocketAddress("127.0.0.1", 5065), dave.inboundHandler());
        network.lose(message -> message instanceof SipRequest r && r.isAck());

        OutgoingCall call = dave.call(address("<sip:dave@127.0.0.1:5065>"), address("<sip:carol@127.0.0.1:5064;transport=tcp>"),
                null, "application/sdp", OFFER);
        network.deliverAll();
        run(Duration.ofSeconds(5));

        assertEquals("tcp", ((SipUri) network.requests(SipMethod.INVITE).get(0).contacts().get(0).uri())
                .transport().orElseThrow());
        assertEquals("TCP", network.requests(SipMethod.INVITE).get(0).topVia().transport());
        assertEquals(200, completed(call.answered()).status());
        assertEquals(1, network.responses(200, SipMethod.INVITE).size(), "reliable transport: no 2xx retransmission");
        assertFalse(carolCalls.get(0).acknowledged().isDone());
    }

    @Test
    void requestRequiringAnExtensionGets420WithUnsupported() {
        SipRequest options = SipRequest.builder(SipMethod.OPTIONS, address("<sip:bob@127.0.0.1:5062>").uri())
                .via(Via.of("UDP", "127.0.0.1", 5061, "z9hG4bKreq"))
                .from(address("<sip:alice@127.0.0.1:5061>;tag=a"))
                .to(address("<sip:bob@127.0.0.1:5062>"))
                .callId("req@127.0.0.1")
                .cseq(new CSeq(1, SipMethod.OPTIONS))
                .header("Require", "100rel, timer")
                .build();

        network.inject(options, ALICE, BOB);
        network.deliverAll();

        assertEquals("100rel, timer", network.responses(420, SipMethod.OPTIONS).get(0).header("Unsupported").orElseThrow());
    }

    @Test
    void inviteWithANonSdpBodyGets415AndNeverReachesTheApplication() {
        OutgoingCall call = alice.call(address("<sip:alice@127.0.0.1:5061>"), address("<sip:bob@127.0.0.1:5062>"),
                null, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        network.deliverAll();

        assertEquals(415, failed(call.answered()).status());
        assertEquals("application/sdp", network.responses(415, SipMethod.INVITE).get(0).header("Accept").orElseThrow());
        assertTrue(incoming.isEmpty());
    }

    @Test
    void newCallPastTheDialogLimitGets503() {
        UserAgent full = new UserAgent(network.senderFor(new InetSocketAddress("127.0.0.1", 5066)), timers,
                UserAgentConfig.of("127.0.0.1", 5066, TransportType.UDP).withMaxDialogs(1), call -> call.answer(null, null));
        network.attach(new InetSocketAddress("127.0.0.1", 5066), full.inboundHandler());
        OutgoingCall first = alice.call(address("<sip:alice@127.0.0.1:5061>"), address("<sip:f@127.0.0.1:5066>"), null, null, null);
        network.deliverAll();

        OutgoingCall second = alice.call(address("<sip:alice@127.0.0.1:5061>"), address("<sip:f@127.0.0.1:5066>"), null, null, null);
        network.deliverAll();

        assertEquals(200, completed(first.answered()).status());
        assertEquals(503, failed(second.answered()).status());
    }

    @Test
    void okFromASecondForkIsAckedAndHungUp() {
        OutgoingCall call = aliceCallsBob();
        SipResponse ok = network.responses(200, SipMethod.INVITE).get(0);
        SipResponse forked = ok.toBuilder().to(ok.to().withTag("forked")).build();

        network.inject(forked, BOB, ALICE);
        network.deliverAll();

        List<SipRequest> acks = network.requests(SipMethod.ACK);
        assertEquals(2, acks.size());
        assertEquals(Optional.of("forked"), acks.get(1).to().tag());
        SipRequest bye = network.requests(SipMethod.BYE).get(0);
        assertEquals(Optional.of("forked"), bye.to().tag());
        assertEquals(1, network.responses(481, SipMethod.BYE).size(), "bob knows no such dialog");
        assertEquals(CallState.CONFIRMED, call.state(), "the first dialog is unaffected");
    }

    @Test
    void shutdownFailsUnansweredCallsOnBothSidesAndLeavesNoTimer() {
        bobAnswers = IncomingCall::ringing;
        OutgoingCall call = aliceCallsBob();
        IncomingCall bobSide = incoming.get(0);

        alice.shutdown();
        bob.shutdown();

        CallFailedException failure = failed(call.answered());
        assertEquals(503, failure.status());
        assertEquals(CallFailedException.ABORTED, failure.errorCode());
        assertEquals(CallEnd.Reason.FAILED, completed(bobSide.ended()).reason());
        assertEquals(0, alice.transactions().transactionCount() + bob.transactions().transactionCount());
        assertEquals(0, timers.pendingCount());
    }

    @Test
    void sameInviteArrivingTwiceOverDifferentPathsGets482() {
        bobAnswers = IncomingCall::ringing;
        aliceCallsBob();
        SipRequest invite = network.requests(SipMethod.INVITE).get(0);
        SipRequest merged = invite.toBuilder()
                .vias(List.of(Via.of("UDP", "127.0.0.1", 5061, "z9hG4bKotherpath")))
                .build();

        network.inject(merged, ALICE, BOB);
        network.deliverAll();

        assertEquals(1, network.responses(482, SipMethod.INVITE).size());
        assertEquals(1, incoming.size());
    }
}

