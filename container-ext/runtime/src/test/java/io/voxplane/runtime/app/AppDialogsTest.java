package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.api.SipRequest;
import io.voxplane.runtime.app.fixtures.DialogApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An app as a user agent (RFC 3261 s12, s13, s15, s9) through both planes in Weld over real UDP
 * on loopback: its 2xx creates a dialog whose ACK, BYE, re-INVITE and INFO reach it; it can
 * answer from another thread and hang up; CANCEL before its answer is 487 and reaches
 * {@code @Cancel}; a request for an unknown dialog is 481; and {@link ActiveDialogs} counts and
 * ends its calls.
 */
@Timeout(30)
class AppDialogsTest {

    private WeldContainer container;
    private DatagramSocket client;
    private InetSocketAddress server;
    private Recorder recorder;
    private DialogApp app;
    private int sequence;

    @BeforeEach
    void start() throws Exception {
        container = AppDeploymentProblemsTest.weld(DialogApp.class, Recorder.class, ActiveDialogs.class).initialize();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.setSoTimeout(10_000);
        recorder = container.select(Recorder.class).get();
        app = container.select(DialogApp.class).get();
    }

    @AfterEach
    void stop() {
        client.close();
        container.close();
    }

    /** One call's identity as the client (the UAC) sees it. */
    private final class Dialog {
        final String user;
        final String callId;
        final String fromTag;
        String toTag = "";
        int cseq = 1;
        String inviteBranch;

        Dialog(String user) {
            sequence++;
            this.user = user;
            this.callId = "dlg-" + sequence + "-" + System.nanoTime() + "@127.0.0.1";
            this.fromTag = "f" + sequence;
        }

        String uri() {
            return "sip:" + user + "@127.0.0.1:" + server.getPort();
        }

        String request(String method, int number, String branch, String extra, String body) {
            return method + " " + uri() + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=" + branch + "\r\n"
                    + "From: <sip:tester@127.0.0.1>;tag=" + fromTag + "\r\n"
                    + "To: <" + uri() + ">" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: " + number + " " + method + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "Contact: <sip:tester@127.0.0.1:" + client.getLocalPort() + ">\r\n"
                    + extra
                    + (body.isEmpty() ? "" : "Content-Type: application/sdp\r\n")
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        }

        void invite() throws Exception {
            inviteBranch = "z9hG4bK-inv-" + callId.hashCode() + "-" + cseq;
            send(request("INVITE", cseq, inviteBranch, "", DialogApp.SDP.replace("app", "tester")));
        }

        void ack() throws Exception {
            send(request("ACK", cseq, "z9hG4bK-ack-" + callId.hashCode() + "-" + cseq, "", ""));
        }

        void cancel() throws Exception {
            String saved = toTag;
            toTag = "";
            send(request("CANCEL", cseq, inviteBranch, "", "").replace("CSeq: " + cseq + " CANCEL", "CSeq: " + cseq
                    + " CANCEL"));
            toTag = saved;
        }

        void inDialog(String method) throws Exception {
            cseq++;
            if ("INVITE".equals(method)) {
                inviteBranch = "z9hG4bK-re-" + callId.hashCode() + "-" + cseq;
                send(request(method, cseq, inviteBranch, "", DialogApp.SDP.replace("app", "tester")));
            } else {
                send(request(method, cseq, "z9hG4bK-" + method + "-" + callId.hashCode() + "-" + cseq, "", ""));
            }
        }
    }

    private void send(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(bytes, bytes.length, server));
    }

    private SipMessage receive() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        client.receive(packet);
        return SipParser.withDefaults().parse(packet.getData(), 0, packet.getLength());
    }

    /** The next final response to {@code method} (provisional ones and retransmitted others skipped). */
    private SipResponse finalResponse(String method) throws Exception {
        while (true) {
            SipMessage message = receive();
            if (message instanceof SipResponse response && response.isFinal() && response.cseq().method().equals(method)) {
                return response;
            }
        }
    }

    private io.voxplane.sip.SipRequest nextRequest() throws Exception {
        while (true) {
            if (receive() instanceof io.voxplane.sip.SipRequest request) {
                return request;
            }
        }
    }

    private Dialog answeredCall(String user) throws Exception {
        Dialog call = new Dialog(user);
        call.invite();
        SipResponse ok = finalResponse("INVITE");
        assertEquals(200, ok.status());
        call.toTag = ok.to().tag().orElseThrow();
        call.ack();
        return call;
    }

    @Test
    void appAnswer200CreatesDialogWithToTagContactAndBodyAndTheAckReachesTheApp() throws Exception {
        Dialog call = new Dialog("answer");
        call.invite();
        SipResponse ok = finalResponse("INVITE");
        assertEquals(200, ok.status());
        assertTrue(ok.to().tag().isPresent(), "the 2xx has a To tag (s12.1.1)");
        assertEquals("sip:voxplane@127.0.0.1:" + server.getPort(), ok.contacts().get(0).uri().toString(),
                "Contact: the address the INVITE arrived at");
        assertEquals("dialogs", ok.header("X-App").orElseThrow());
        assertEquals(DialogApp.SDP, new String(ok.body(), StandardCharsets.US_ASCII));
        call.toTag = ok.to().tag().orElseThrow();
        call.ack();
        assertEquals("ACK CONFIRMED", recorder.next(10));
        ActiveDialogs active = container.select(ActiveDialogs.class).get();
        assertEquals(1, active.confirmedCount());
    }

    @Test
    void byeFromTheCallerIsAnswered200ThenReachesByeHandlerAndEndsTheCall() throws Exception {
        Dialog call = answeredCall("answer");
        assertEquals("ACK CONFIRMED", recorder.next(10));
        call.inDialog("BYE");
        assertEquals(200, finalResponse("BYE").status());
        assertEquals("BYE answer TERMINATED", recorder.next(10));
        ActiveDialogs active = container.select(ActiveDialogs.class).get();
        assertEquals(0, active.confirmedCount());
    }

    @Test
    void reInviteAndInfoInsideTheDialogReachTheAppsHandlers() throws Exception {
        Dialog call = answeredCall("answer");
        assertEquals("ACK CONFIRMED", recorder.next(10));
        call.inDialog("INVITE");
        SipResponse ok = finalResponse("INVITE");
        assertEquals(200, ok.status());
        assertEquals(call.toTag, ok.to().tag().orElseThrow(), "same dialog");
        assertFalse(ok.contacts().isEmpty(), "a 2xx to a re-INVITE carries a Contact (s12.2.2)");
        assertEquals("re-INVITE CONFIRMED", recorder.next(10));
        call.ack();
        assertEquals("ACK CONFIRMED", recorder.next(10));
        call.inDialog("INFO");
        assertEquals(200, finalResponse("INFO").status());
        assertEquals("INFO CONFIRMED", recorder.next(10));
    }

    @Test
    void inDialogMethodWithoutHandlerGets405AndLowerCSeqGets500() throws Exception {
        Dialog call = answeredCall("answer");
        assertEquals("ACK CONFIRMED", recorder.next(10));
        call.inDialog("UPDATE");
        SipResponse notAllowed = finalResponse("UPDATE");
        assertEquals(405, notAllowed.status());
        assertTrue(notAllowed.header("Allow").orElseThrow().contains("INFO"));
        call.cseq = 1;
        send(call.request("INFO", 1, "z9hG4bK-old-" + sequence, "", ""));
        assertEquals(500, finalResponse("INFO").status(), "CSeq lower than the remote CSeq (s12.2.2)");
    }

    @Test
    void requestWithUnknownToTagAddressedHereGets481() throws Exception {
        Dialog call = new Dialog("answer");
        call.toTag = "no-such-dialog";
        call.inDialog("BYE");
        assertEquals(481, finalResponse("BYE").status());
    }

    @Test
    void appHangsUpAfterTheAckAndTheCallerReceivesBye() throws Exception {
        Dialog call = answeredCall("hangup");
        io.voxplane.sip.SipRequest bye = nextRequest();
        assertEquals("BYE", bye.method());
        assertEquals(call.toTag, bye.from().tag().orElseThrow(), "BYE inside the app's dialog");
        assertEquals("sip:tester@127.0.0.1:" + client.getLocalPort(), bye.requestUri().toString(),
                "to the caller's Contact (the remote target)");
        String ok = "SIP/2.0 200 OK\r\n"
                + bye.headerValues("Via").stream().map(v -> "Via: " + v + "\r\n").reduce("", String::concat)
                + "From: " + bye.from() + "\r\nTo: " + bye.to() + "\r\nCall-ID: " + bye.callId()
                + "\r\nCSeq: " + bye.cseq() + "\r\nContent-Length: 0\r\n\r\n";
        send(ok);
        assertEquals("ACK CONFIRMED", recorder.next(10));
        assertEquals(0, container.select(ActiveDialogs.class).get().confirmedCount());
    }

    @Test
    void appAnswersLaterFromAnotherThread() throws Exception {
        Dialog call = new Dialog("later");
        call.invite();
        assertEquals("waiting PENDING", recorder.next(10));
        assertEquals(1, container.select(ActiveDialogs.class).get().pendingCount());
        SipRequest invite = app.waiting(call.callId);
        assertNotNull(invite);
        ExecutorService media = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture.runAsync(() -> invite.respond(200, null, Map.of(), "application/sdp",
                    DialogApp.SDP.getBytes(StandardCharsets.US_ASCII)), media).get(10, TimeUnit.SECONDS);
        } finally {
            media.shutdownNow();
        }
        SipResponse ok = finalResponse("INVITE");
        assertEquals(200, ok.status());
        call.toTag = ok.to().tag().orElseThrow();
        call.ack();
        assertEquals("ACK CONFIRMED", recorder.next(10));
    }

    @Test
    void cancelBeforeTheAnswerIs487AndReachesCancelHandlerAndLaterAnswerIsIgnored() throws Exception {
        Dialog call = new Dialog("ring");
        call.invite();
        assertEquals("waiting PENDING", recorder.next(10));
        call.cancel();
        SipResponse terminated = finalResponse("INVITE");
        assertEquals(487, terminated.status());
        assertEquals("CANCEL ring TERMINATED", recorder.next(10));
        app.waiting(call.callId).respond(200);
        assertEquals(0, container.select(ActiveDialogs.class).get().pendingCount());
    }

    @Test
    void hangupOfAnUnansweredInviteAnswers487() throws Exception {
        Dialog call = new Dialog("ring");
        call.invite();
        assertEquals("waiting PENDING", recorder.next(10));
        app.call(call.callId).hangup();
        assertEquals(487, finalResponse("INVITE").status());
    }

    @Test
    void terminateAllSendsByeOnConfirmedDialogsAndCompletesWhenAnswered() throws Exception {
        Dialog call = answeredCall("answer");
        assertEquals("ACK CONFIRMED", recorder.next(10));
        ActiveDialogs active = container.select(ActiveDialogs.class).get();
        CompletableFuture<Void> done = active.terminateAll(Duration.ofSeconds(20)).toCompletableFuture();
        io.voxplane.sip.SipRequest bye = nextRequest();
        assertEquals("BYE", bye.method());
        assertFalse(done.isDone(), "waits for the BYE's final response");
        send("SIP/2.0 200 OK\r\n"
                + bye.headerValues("Via").stream().map(v -> "Via: " + v + "\r\n").reduce("", String::concat)
                + "From: " + bye.from() + "\r\nTo: " + bye.to() + "\r\nCall-ID: " + bye.callId()
                + "\r\nCSeq: " + bye.cseq() + "\r\nContent-Length: 0\r\n\r\n");
        done.get(10, TimeUnit.SECONDS);
        assertEquals(0, active.confirmedCount());
    }

    @Test
    void terminateAllAnswersUnansweredInvites487AndCompletesAtOnce() throws Exception {
        Dialog call = new Dialog("ring");
        call.invite();
        assertEquals("waiting PENDING", recorder.next(10));
        ActiveDialogs active = container.select(ActiveDialogs.class).get();
        assertEquals(1, active.pendingCount());
        active.terminateAll(Duration.ofSeconds(20)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(487, finalResponse("INVITE").status());
        assertEquals(0, active.pendingCount());
    }

    @Test
    void appsTwoHundredToAReInviteIsRetransmittedUntilTheAck() throws Exception {
        Dialog call = answeredCall("answer");
        assertEquals("ACK CONFIRMED", recorder.next(10));
        call.inDialog("INVITE");
        SipResponse first = finalResponse("INVITE");
        assertEquals(200, first.status());
        SipResponse again = finalResponse("INVITE");
        assertEquals(200, again.status(), "retransmitted while no ACK came (RFC 3261 s13.3.1.4)");
        assertEquals(first.cseq(), again.cseq());
        call.ack();
        assertEquals("re-INVITE CONFIRMED", recorder.next(10));
        assertEquals("ACK CONFIRMED", recorder.next(10));
    }
}
