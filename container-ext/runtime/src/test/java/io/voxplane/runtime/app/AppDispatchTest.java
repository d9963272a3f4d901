package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.app.fixtures.EchoApp;
import io.voxplane.runtime.app.fixtures.FallbackApp;
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
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Routing and dispatch through both planes in Weld over real UDP on loopback: the request goes
 * to the app its route picks, unhandled methods get 405/501, a throwing handler 500 with its
 * code, and a proxied INVITE's error response reaches the app's response handler with the call's
 * state.
 */
@Timeout(30)
class AppDispatchTest {

    private WeldContainer container;
    private DatagramSocket client;
    private InetSocketAddress server;
    private int sequence;

    @BeforeEach
    void start() throws Exception {
        container = AppDeploymentProblemsTest.weld(EchoApp.class, FallbackApp.class, Recorder.class).initialize();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.setSoTimeout(10_000);
    }

    @AfterEach
    void stop() {
        client.close();
        container.close();
    }

    private String request(String method, String user, String extraHeaders, String body) {
        sequence++;
        String uri = "sip:" + (user == null ? "" : user + "@") + "127.0.0.1:" + server.getPort();
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=z9hG4bK-app-" + sequence + "\r\n"
                + "From: <sip:tester@127.0.0.1>;tag=f" + sequence + "\r\n"
                + "To: <" + uri + ">\r\n"
                + "Call-ID: app-" + sequence + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:tester@127.0.0.1:" + client.getLocalPort() + ">\r\n"
                + extraHeaders
                + (body.isEmpty() ? "" : "Content-Type: text/plain\r\n")
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static void send(DatagramSocket socket, String text, SocketAddress to) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    private static SipMessage receive(DatagramSocket socket, DatagramPacket[] from) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(packet);
        if (from != null) {
            from[0] = packet;
        }
        return SipParser.withDefaults().parse(packet.getData(), 0, packet.getLength());
    }

    /** The next final response (provisional ones skipped). */
    private SipResponse finalResponse() throws Exception {
        while (true) {
            SipResponse response = (SipResponse) receive(client, null);
            if (response.isFinal()) {
                return response;
            }
        }
    }

    @Test
    void messageToTheEchoUserIsAnsweredByTheEchoAppWithTheBody() throws Exception {
        send(client, request("MESSAGE", "echo", "", "hello"), server);
        SipResponse response = finalResponse();
        assertEquals(200, response.status());
        assertEquals("Echo", response.reason());
        assertEquals("echo", response.header("X-App").orElseThrow());
        assertEquals("hello", new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(response.to().tag().isPresent(), "a final response carries a To tag (RFC 3261 s8.2.6.2)");
    }

    @Test
    void messageToAnotherUserGoesToTheLowerPriorityAppWhoseFailureIs500WithTheCode() throws Exception {
        send(client, request("MESSAGE", "someone", "", "x"), server);
        SipResponse response = finalResponse();
        assertEquals(500, response.status());
        assertTrue(response.reason().contains(AppCodes.HANDLER_FAILED), response.reason());
    }

    @Test
    void methodTheAppDoesNotHandleGets405WithTheAppsMethods() throws Exception {
        send(client, request("SUBSCRIBE", "echo", "Event: presence\r\n", ""), server);
        SipResponse response = finalResponse();
        assertEquals(405, response.status());
        assertEquals("INVITE, MESSAGE", response.header("Allow").orElseThrow());
    }

    @Test
    void unknownMethodGets501() throws Exception {
        send(client, request("FROBNICATE", "echo", "", ""), server);
        assertEquals(501, finalResponse().status());
    }

    @Test
    void requestNoAppTakesGetsTheContainerDefault() throws Exception {
        send(client, request("REGISTER", "nobody", "", ""), server);
        assertEquals(405, finalResponse().status(), "no app takes REGISTER to sip:nobody: the no-app answer");
    }

    @Test
    void proxiedInvitesProvisionalResponseReachesTheAppsProvisionalHandlerBeforeTheFinal() throws Exception {
        try (DatagramSocket callee = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            callee.setSoTimeout(10_000);
            send(client, request("INVITE", "echo", "X-Target: sip:bob@127.0.0.1:" + callee.getLocalPort() + "\r\n", ""),
                    server);
            DatagramPacket[] from = new DatagramPacket[1];
            SipRequest forwarded = (SipRequest) receive(callee, from);
            send(callee, reply(forwarded, "180 Ringing"), from[0].getSocketAddress());
            SipResponse ringing = (SipResponse) receive(client, null);
            while (ringing.status() == 100) {
                ringing = (SipResponse) receive(client, null);
            }
            assertEquals(180, ringing.status(), "forwarded upstream (RFC 3261 s16.7 step 5)");
            Recorder recorder = container.select(Recorder.class).get();
            assertEquals("provisional 180 INVITE", recorder.next(10));
            send(callee, reply(forwarded, "486 Busy Here"), from[0].getSocketAddress());
            assertEquals(486, finalResponse().status());
            assertEquals("486 INVITE from sip:tester@127.0.0.1", recorder.next(10));
        }
    }

    private static String reply(SipRequest forwarded, String statusLine) {
        return "SIP/2.0 " + statusLine + "\r\n"
                + forwarded.headerValues("Via").stream().map(v -> "Via: " + v + "\r\n").reduce("", String::concat)
                + "From: " + forwarded.from() + "\r\n"
                + "To: " + forwarded.to() + ";tag=callee1\r\n"
                + "Call-ID: " + forwarded.callId() + "\r\n"
                + "CSeq: " + forwarded.cseq() + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void proxiedInviteReturnsTheCalleesBusyAndTheAppsErrorHandlerSeesItWithCallState() throws Exception {
        try (DatagramSocket callee = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            callee.setSoTimeout(10_000);
            String target = "X-Target: sip:bob@127.0.0.1:" + callee.getLocalPort() + "\r\n";
            send(client, request("INVITE", "echo", target, ""), server);

            DatagramPacket[] from = new DatagramPacket[1];
            SipRequest forwarded = (SipRequest) receive(callee, from);
            assertEquals("INVITE", forwarded.method());
            assertEquals("sip:bob@127.0.0.1:" + callee.getLocalPort(), forwarded.requestUri().toString());
            assertEquals(2, forwarded.vias().size(), "the proxy added its Via (RFC 3261 s16.6 step 8)");
            assertEquals(1, forwarded.recordRoutes().size(), "record-route asked for");
            String busy = "SIP/2.0 486 Busy Here\r\n"
                    + forwarded.headerValues("Via").stream().map(v -> "Via: " + v + "\r\n").reduce("", String::concat)
                    + "From: " + forwarded.from() + "\r\n"
                    + "To: " + forwarded.to() + ";tag=callee1\r\n"
                    + "Call-ID: " + forwarded.callId() + "\r\n"
                    + "CSeq: " + forwarded.cseq() + "\r\n"
                    + "Content-Length: 0\r\n\r\n";
            send(callee, busy, from[0].getSocketAddress());

            SipResponse response = finalResponse();
            assertEquals(486, response.status());
            Recorder recorder = container.select(Recorder.class).get();
            String seen = recorder.next(10);
            assertNotNull(seen, "the app's @ErrorResponse handler was called");
            assertEquals("486 INVITE from sip:tester@127.0.0.1", seen);
        }
    }
}
