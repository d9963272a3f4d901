package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.app.fixtures.DialogApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.lifecycle.GatedDiscovery;
import io.voxplane.runtime.lifecycle.GenerousShutdownSettings;
import io.voxplane.runtime.lifecycle.ShutdownCoordinator;
import io.voxplane.runtime.lifecycle.ShutdownPhase;
import io.voxplane.runtime.lifecycle.ShutdownReport;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The phased shutdown ends the calls apps hold, over real UDP on loopback: a confirmed dialog
 * gets a BYE from the node and an unanswered INVITE gets 487 while the transport still runs; an
 * in-dialog BYE from the peer during INITIATED is still answered 200 while a new INVITE gets 503.
 */
@Timeout(60)
class ShutdownEndsAppCallsTest {

    private WeldContainer container;
    private ShutdownCoordinator coordinator;
    private AppCallTerminator calls;
    private DatagramSocket peer;
    private InetSocketAddress server;

    @BeforeEach
    void start() throws Exception {
        container = AppDeploymentProblemsTest.weld(DialogApp.class, Recorder.class, ActiveDialogs.class,
                AppCallTerminator.class, ShutdownCoordinator.class, GenerousShutdownSettings.class,
                GatedDiscovery.class).initialize();
        coordinator = container.select(ShutdownCoordinator.class).get();
        calls = container.select(AppCallTerminator.class).get();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        peer.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        peer.close();
        container.close();
    }

    @Test
    void confirmedDialogsGetByeAndUnansweredInvitesGet487BeforeTheSocketsClose() throws Exception {
        SipResponse answered = call("answer", "call-1");
        send(ack(answered, "call-1"));
        send(invite("ring", "call-2"));
        Await.until(() -> calls.activeCalls() == 2, Duration.ofSeconds(10), "one confirmed and one ringing call");

        CompletableFuture<ShutdownReport> shutdown = CompletableFuture.supplyAsync(() -> coordinator.shutdown("test"));
        boolean byeSeen = false;
        boolean terminatedSeen = false;
        while (!byeSeen || !terminatedSeen) {
            SipMessage message = receive();
            if (message instanceof SipRequest bye && "BYE".equals(bye.method())) {
                assertEquals("call-1@127.0.0.1", bye.callId());
                send(SipResponse.replyTo(bye, 200).build().toBytes());
                byeSeen = true;
            } else if (message instanceof SipResponse response && response.status() == 487) {
                assertEquals("call-2@127.0.0.1", response.callId());
                send(ackFor487(response, "call-2"));
                terminatedSeen = true;
            }
        }

        ShutdownReport report = shutdown.get(30, TimeUnit.SECONDS);
        assertEquals(2, report.callsAtStart());
        assertEquals(0, report.callsLeft(), report.summary());
        assertFalse(report.phases().get(2).forced(), report.summary());
        assertTrue(report.clean(), report.summary());
        assertEquals(PlaneState.STOPPED, container.select(TransportPlane.class).get().state());
        container.select(TaskTrackers.class).get().assertNoLeaks(Duration.ofSeconds(5));
    }

    @Test
    void duringInitiatedAnInDialogByeIsAnsweredWhileANewInviteGets503() throws Exception {
        SipResponse answered = call("answer", "call-3");
        send(ack(answered, "call-3"));
        GatedDiscovery discovery = container.select(GatedDiscovery.class).get();
        discovery.hold();
        CompletableFuture<ShutdownReport> shutdown = CompletableFuture.supplyAsync(() -> coordinator.shutdown("test"));
        assertTrue(discovery.awaitEntered());
        assertEquals(ShutdownPhase.INITIATED, coordinator.phase());
        // the planes hear of INITIATED asynchronously, in parallel with the discovery deregistration
        SignalingPlane signaling = container.select(SignalingPlane.class).get();
        Await.until(signaling::isRefusingNewRequests, Duration.ofSeconds(10), "signaling refuses new requests");

        send(invite("answer", "call-4"));
        SipResponse refused = finalResponse();
        assertEquals(503, refused.status());
        assertEquals("call-4@127.0.0.1", refused.callId());
        send(ackFor487(refused, "call-4"));

        send(bye(answered, "call-3"));
        SipResponse byeAnswer = finalResponse();
        assertEquals(200, byeAnswer.status(), "the peer's BYE in the dialog is processed, not refused");
        assertEquals("BYE", byeAnswer.cseq().method());
        Await.until(() -> calls.activeCalls() == 0, Duration.ofSeconds(10), "the dialog ended by the peer");

        discovery.open();
        ShutdownReport report = shutdown.get(30, TimeUnit.SECONDS);
        assertEquals(1, report.callsAtStart());
        assertTrue(report.clean(), report.summary());
    }

    private SipResponse call(String user, String callId) throws Exception {
        send(invite(user, callId));
        SipResponse response = finalResponse();
        assertEquals(200, response.status(), response.toString());
        return response;
    }

    private SipResponse finalResponse() throws Exception {
        while (true) {
            if (receive() instanceof SipResponse response && response.status() >= 200) {
                return response;
            }
        }
    }

    private byte[] invite(String user, String callId) {
        return request("INVITE", user, callId, "z9hG4bK-" + callId, 1, null, "application/sdp",
                "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n");
    }

    private byte[] ack(SipResponse answer, String callId) {
        return request("ACK", "answer", callId, "z9hG4bK-" + callId + "-ack", 1, toTag(answer), null, null);
    }

    private byte[] ackFor487(SipResponse response, String callId) {
        // RFC 3261 s17.1.1.3: the ACK for a non-2xx final response has the INVITE's branch
        String user = callId.equals("call-2") ? "ring" : "answer";
        return request("ACK", user, callId, "z9hG4bK-" + callId, 1, toTag(response), null, null);
    }

    private byte[] bye(SipResponse answer, String callId) {
        return request("BYE", "answer", callId, "z9hG4bK-" + callId + "-bye", 2, toTag(answer), null, null);
    }

    private static String toTag(SipResponse response) {
        return response.to().tag().orElseThrow();
    }

    private byte[] request(String method, String user, String callId, String branch, int cseq, String toTag,
            String contentType, String body) {
        String content = body == null ? "" : body;
        String text = method + " sip:" + user + "@127.0.0.1:" + server.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.getLocalPort() + ";branch=" + branch + "\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=alice-" + callId + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + peer.getLocalPort() + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + content.length() + "\r\n\r\n" + content;
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private void send(byte[] bytes) throws Exception {
        peer.send(new DatagramPacket(bytes, bytes.length, server));
    }

    private SipMessage receive() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        peer.receive(packet);
        return SipParser.withDefaults().parse(packet.getData(), 0, packet.getLength());
    }
}
