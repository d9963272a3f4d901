package io.voxplane.stack.ua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.SipTransportLayer;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The user agent over the real Netty transport on UDP loopback: two agents calling each other,
 * SIPp's built-in uac calling the agent, and the agent calling SIPp's built-in uas.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UserAgentOverTransportTest {

    private static final byte[] SDP = ("v=0\r\no=vx 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ThreadFactory ioThreads = Thread.ofPlatform().daemon().name("ua-test-io-", 0).factory();
    private final List<SipTransportLayer> transports = new ArrayList<>();

    /** A started transport with a user agent behind it. */
    private record Node(SipTransportLayer transport, UserAgent agent, int port) {
    }

    private Node node(IncomingCallHandler handler) {
        AtomicReference<InboundMessageHandler> inbound = new AtomicReference<>();
        SipTransportLayer transport = new SipTransportLayer(
                TransportConfig.of(ListenPoint.udp(new InetSocketAddress("127.0.0.1", 0))), ioThreads,
                (message, flow) -> inbound.get().onMessage(message, flow));
        transports.add(transport);
        transport.start();
        int port = transport.boundListenPoints().get(0).address().getPort();
        UserAgent agent = new UserAgent(transport, new ScheduledTimerService(scheduler),
                UserAgentConfig.of("127.0.0.1", port, TransportType.UDP), handler);
        inbound.set(agent.inboundHandler());
        return new Node(transport, agent, port);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (SipTransportLayer transport : transports) {
            assertTrue(transport.stop(Duration.ofSeconds(10)));
        }
        scheduler.shutdownNow();
        assertTrue(scheduler.awaitTermination(5, TimeUnit.SECONDS));
    }

    private static Address address(String text) {
        try {
            return Address.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError(text, e);
        }
    }

    private static void answerWithSdp(IncomingCall call) {
        call.ringing();
        call.answer("application/sdp", SDP);
    }

    @Test
    void twoAgentsCallAndHangUpOverUdpLoopback() throws Exception {
        CompletableFuture<IncomingCall> received = new CompletableFuture<>();
        Node bob = node(call -> {
            answerWithSdp(call);
            received.complete(call);
        });
        Node alice = node(IncomingCallHandler.rejectAll());

        OutgoingCall call = alice.agent().call(address("<sip:alice@127.0.0.1:" + alice.port() + ">"),
                address("<sip:bob@127.0.0.1:" + bob.port() + ">"), null, "application/sdp", SDP);

        assertEquals(200, call.answered().get(10, TimeUnit.SECONDS).status());
        assertArrayEquals(SDP, call.remoteBody());
        IncomingCall bobSide = received.get(10, TimeUnit.SECONDS);
        bobSide.acknowledged().get(10, TimeUnit.SECONDS);
        SipResponse byeOk = call.hangup().get(10, TimeUnit.SECONDS);
        assertEquals(200, byeOk.status());
        assertEquals(CallEnd.Reason.REMOTE_BYE, bobSide.ended().get(10, TimeUnit.SECONDS).reason());
        assertEquals(0, alice.agent().activeCalls() + bob.agent().activeCalls());
    }

    @Test
    void theCalleeHasEndedTheCallWhenItsOkToTheByeArrives() throws Exception {
        Node bob = node(UserAgentOverTransportTest::answerWithSdp);
        Node alice = node(IncomingCallHandler.rejectAll());
        OutgoingCall call = alice.agent().call(address("<sip:alice@127.0.0.1:" + alice.port() + ">"),
                address("<sip:bob@127.0.0.1:" + bob.port() + ">"), null, "application/sdp", SDP);
        assertEquals(200, call.answered().get(10, TimeUnit.SECONDS).status());

        assertEquals(200, call.hangup().get(10, TimeUnit.SECONDS).status());

        assertEquals(0, bob.agent().activeCalls(), "the callee ends the call before it answers the BYE");
    }

    @Test
    void theCalleeHasEndedTheCallWhenItsByeArrives() throws Exception {
        CompletableFuture<IncomingCall> received = new CompletableFuture<>();
        Node bob = node(call -> {
            answerWithSdp(call);
            received.complete(call);
        });
        Node alice = node(IncomingCallHandler.rejectAll());
        OutgoingCall call = alice.agent().call(address("<sip:alice@127.0.0.1:" + alice.port() + ">"),
                address("<sip:bob@127.0.0.1:" + bob.port() + ">"), null, "application/sdp", SDP);
        assertEquals(200, call.answered().get(10, TimeUnit.SECONDS).status());
        IncomingCall bobSide = received.get(10, TimeUnit.SECONDS);
        bobSide.acknowledged().get(10, TimeUnit.SECONDS);
        CompletableFuture<Integer> bobsCallsWhenTheByeArrived = call.ended().thenApply(end -> bob.agent().activeCalls());

        bobSide.hangup();

        assertEquals(0, bobsCallsWhenTheByeArrived.get(10, TimeUnit.SECONDS), "bob ends the call before its BYE leaves");
        assertEquals(CallEnd.Reason.REMOTE_BYE, call.ended().get(10, TimeUnit.SECONDS).reason());
    }

    @Test
    void sippCallsTheAgentAndEveryCallSucceeds() {
        assumeTrue(Sipp.installed(), "sipp is not installed");
        Node agent = node(UserAgentOverTransportTest::answerWithSdp);

        Sipp.Result result = Sipp.uac("127.0.0.1:" + agent.port()).transport("u1").calls(20).rate(20)
                .timeout(Duration.ofSeconds(30)).run();

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(20, result.successfulCalls(), result::toString);
        assertEquals(0, result.failedCalls(), result::toString);
    }

    @Test
    void agentCallsSippAndHangsUp() throws Exception {
        assumeTrue(Sipp.installed(), "sipp is not installed");
        int sippPort = Sipp.freePort();
        Node alice = node(IncomingCallHandler.rejectAll());
        try (Sipp.Background sipp = Sipp.uas(sippPort).transport("u1").calls(1).timeout(Duration.ofSeconds(30)).startInBackground()) {
            OutgoingCall call = alice.agent().call(address("<sip:alice@127.0.0.1:" + alice.port() + ">"),
                    address("<sip:service@127.0.0.1:" + sippPort + ">"), null, "application/sdp", SDP);

            assertEquals(200, call.answered().get(15, TimeUnit.SECONDS).status());
            assertEquals(200, call.hangup().get(10, TimeUnit.SECONDS).status());
            Sipp.Result result = sipp.awaitOrStop(Duration.ofSeconds(15));
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(1, result.successfulCalls(), result::toString);
        }
    }
}
