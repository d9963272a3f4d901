package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.voxplane.runtime.app.fixtures.DialogApp;
import io.voxplane.runtime.app.fixtures.Recorder;
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
import java.net.SocketAddress;
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
 * An app's {@code createB2bua} over real UDP on loopback, caller and callee played by sockets:
 * the callee gets a new INVITE with the caller's SDP unchanged, the caller gets the callee's SDP
 * unchanged, and {@link ActiveDialogs} sees both legs and ends them: BYE on both once answered,
 * CANCEL to the callee and 487 to the caller while it rings.
 */
@Timeout(30)
class AppB2buaTest {

    private static final String OFFER = "v=0\r\no=caller 7 7 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 41000 RTP/AVP 0\r\n";
    private static final String ANSWER = OFFER.replace("caller 7 7", "callee 9 9").replace("41000", "42000");

    private WeldContainer container;
    private DatagramSocket caller;
    private DatagramSocket callee;
    private InetSocketAddress server;

    @BeforeEach
    void start() throws Exception {
        container = AppDeploymentProblemsTest.weld(DialogApp.class, Recorder.class, ActiveDialogs.class).initialize();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        caller = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        callee = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        caller.setSoTimeout(10_000);
        callee.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
        container.close();
    }

    private void invite() throws Exception {
        String uri = "sip:bridge@127.0.0.1:" + server.getPort();
        send(caller, "INVITE " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.getLocalPort() + ";branch=z9hG4bK-b2b-1\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=alice1\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: b2b-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + caller.getLocalPort() + ">\r\n"
                + "X-Target: sip:bob@127.0.0.1:" + callee.getLocalPort() + "\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + OFFER.length() + "\r\n\r\n" + OFFER, server);
    }

    private static void send(DatagramSocket socket, String text, SocketAddress to) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static SipMessage receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(packet);
        return SipParser.withDefaults().parse(packet.getData(), 0, packet.getLength());
    }

    private static SipRequest request(DatagramSocket socket, String method) throws Exception {
        while (true) {
            if (receive(socket) instanceof SipRequest request && request.method().equals(method)) {
                return request;
            }
        }
    }

    private static SipResponse finalResponse(DatagramSocket socket, String method) throws Exception {
        while (true) {
            if (receive(socket) instanceof SipResponse response && response.isFinal()
                    && response.cseq().method().equals(method)) {
                return response;
            }
        }
    }

    private static String reply(SipRequest request, String statusLine, String toTag, String contact, String body) {
        return "SIP/2.0 " + statusLine + "\r\n"
                + request.headerValues("Via").stream().map(v -> "Via: " + v + "\r\n").reduce("", String::concat)
                + "From: " + request.from() + "\r\n"
                + "To: " + request.to() + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + request.callId() + "\r\n"
                + "CSeq: " + request.cseq() + "\r\n"
                + (contact == null ? "" : "Contact: " + contact + "\r\n")
                + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    @Test
    void bridgedCallPassesBothSdpsUnchangedAndTerminateAllSendsByeOnBothLegs() throws Exception {
        invite();
        SipRequest outgoing = request(callee, "INVITE");
        assertEquals(OFFER, new String(outgoing.body(), StandardCharsets.US_ASCII), "offer passed through unchanged");
        assertFalse(outgoing.callId().startsWith("b2b-"), "the outgoing leg is a new call: " + outgoing.callId());
        assertEquals("sip:bob@127.0.0.1:" + callee.getLocalPort(), outgoing.requestUri().toString());
        send(callee, reply(outgoing, "200 OK", "bob1", "<sip:bob@127.0.0.1:" + callee.getLocalPort() + ">", ANSWER),
                server);
        SipResponse ok = finalResponse(caller, "INVITE");
        assertEquals(200, ok.status());
        assertEquals(ANSWER, new String(ok.body(), StandardCharsets.US_ASCII), "answer passed through unchanged");
        assertEquals("ACK", request(callee, "ACK").method(), "the bridge ACKs the callee's 2xx");
        Recorder recorder = container.select(Recorder.class).get();
        assertEquals("bridged 200", recorder.next(10));

        ActiveDialogs active = container.select(ActiveDialogs.class).get();
        assertEquals(2, active.confirmedCount(), "both legs");
        CompletableFuture<Void> done = active.terminateAll(Duration.ofSeconds(20)).toCompletableFuture();
        SipRequest byeToCallee = request(callee, "BYE");
        SipRequest byeToCaller = request(caller, "BYE");
        assertFalse(done.isDone(), "waits for the BYEs' answers");
        send(callee, reply(byeToCallee, "200 OK", null, null, ""), server);
        send(caller, reply(byeToCaller, "200 OK", null, null, ""), server);
        done.get(10, TimeUnit.SECONDS);
        assertEquals(0, active.confirmedCount());
    }

    @Test
    void terminateAllWhileTheCalleeRingsCancelsItAndAnswersTheCaller487() throws Exception {
        invite();
        SipRequest outgoing = request(callee, "INVITE");
        send(callee, reply(outgoing, "180 Ringing", "bob2", "<sip:bob@127.0.0.1:" + callee.getLocalPort() + ">", ""),
                server);
        SipResponse ringing = (SipResponse) receive(caller);
        while (ringing.status() == 100) {
            ringing = (SipResponse) receive(caller);
        }
        assertEquals(180, ringing.status(), "the callee's ringing relayed");
        ActiveDialogs active = container.select(ActiveDialogs.class).get();
        assertEquals(1, active.pendingCount());
        active.terminateAll(Duration.ofSeconds(20));
        SipRequest cancel = request(callee, "CANCEL");
        assertEquals(outgoing.topVia().branch(), cancel.topVia().branch(), "CANCEL of that INVITE (s9.1)");
        send(callee, reply(cancel, "200 OK", "bob2", null, ""), server);
        send(callee, reply(outgoing, "487 Request Terminated", "bob2", null, ""), server);
        assertEquals(487, finalResponse(caller, "INVITE").status());
        assertEquals("bridged 487", container.select(Recorder.class).get().next(10), "answered() completes with B's status");
    }
}
