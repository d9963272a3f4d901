package io.voxplane.runtime.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.wav.WavWriter;
import io.voxplane.runtime.Await;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.app.fixtures.MediaApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls answered with media through all three planes in Weld, over real UDP on loopback: a Java
 * phone ({@link MediaPhone}) sends the INVITE with its SDP offer and exchanges RTP with the media
 * plane. Echo returns every payload; BYE frees the ports; no SDP or no common codec is 488 with a
 * Warning; re-INVITEs put the call on hold and take it back (RFC 3264 s8.4); DTMF reaches the app;
 * a prompt plays to the end; a silent caller is hung up.
 */
@Timeout(60)
class MediaPlaneTest {

    private WeldContainer container;
    private MediaPhone phone;
    private Recorder recorder;
    private MediaPlane media;

    private void start(Class<?> mediaSettings) throws Exception {
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, MediaPlane.class, LocalBus.class,
                        TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, mediaSettings,
                        AppRequestDispatcher.class, MediaApp.class, Recorder.class, FunctionAtOpened.class)
                .initialize();
        InetSocketAddress server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        phone = new MediaPhone(server);
        recorder = container.select(Recorder.class).get();
        media = container.select(MediaPlane.class).get();
    }

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        if (container != null) {
            container.close();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(condition, Duration.ofSeconds(10), what);
    }

    private SipResponse answered(String user) throws Exception {
        SipResponse ok = phone.invite(user, phone.pcmuOffer());
        assertEquals(200, ok.status(), () -> "INVITE answered " + ok.status() + " " + ok.header("Warning"));
        phone.ack();
        assertEquals("answered " + user, recorder.next(10));
        return ok;
    }

    @Test
    void echoSendsEveryPayloadBackAndByeFreesTheRtpPorts() throws Exception {
        start(TestMediaSettings.class);
        SipResponse ok = answered("echo");
        String answer = MediaPhone.body(ok);
        assertTrue(answer.contains("m=audio " + phone.media().getPort() + " RTP/AVP 0 101"), answer);
        assertTrue(answer.contains("c=IN IP4 127.0.0.1"), answer);
        assertEquals("application/sdp", ok.contentType().orElseThrow());
        int echoed = 0;
        for (int i = 0; i < 50; i++) {
            byte[] payload = new byte[160];
            for (int j = 0; j < payload.length; j++) {
                payload[j] = (byte) (i * 7 + j);
            }
            phone.sendRtp(0, payload, i == 0);
            MediaPhone.Rtp back = phone.receiveRtp();
            assertNotNull(back, "echo of packet " + i);
            assertEquals(0, back.payloadType());
            assertArrayEquals(payload, back.payload(), "payload of packet " + i);
            echoed++;
        }
        assertEquals(50, echoed);
        assertEquals(50, media.statistics(phone.callId()).orElseThrow().packetsReceived());
        assertEquals(200, phone.bye().status());
        await(() -> media.openCalls() == 0, "media closed after BYE");
    }

    @Test
    void theEchoRunsBeforeTheAnswerIsPublishedSoTheCallersFirstPacketIsEchoed() throws Exception {
        start(TestMediaSettings.class);
        answered("echo");
        assertEquals("echo", container.select(FunctionAtOpened.class).get().next(10),
                "the function the call ran when MediaOpened (the 200's trigger) reached the bus's observers");
    }

    @Test
    void inviteWithoutSdpIsAnswered488WithAWarningSayingWhy() throws Exception {
        start(TestMediaSettings.class);
        SipResponse response = phone.invite("echo", null);
        assertEquals(488, response.status());
        String warning = response.header("Warning").orElseThrow();
        assertTrue(warning.startsWith("399 ") && warning.contains("VXAPP-106"), warning);
        assertEquals("rejected 488", recorder.next(10));
        assertEquals(0, media.openCalls());
    }

    @Test
    void offerWithoutACommonCodecIsAnswered488WithWarningAndNoPortStaysOpen() throws Exception {
        start(TestMediaSettings.class);
        SipResponse response = phone.invite("echo", phone.offer("18", "a=rtpmap:18 G729/8000\r\n"));
        assertEquals(488, response.status());
        assertTrue(response.header("Warning").orElseThrow().startsWith("305 "), response.header("Warning").get());
        assertEquals("rejected 488", recorder.next(10));
        assertEquals(0, media.openCalls());
    }

    @Test
    void reInviteWithSendonlyPutsTheCallOnHoldAndSendrecvResumesIt() throws Exception {
        start(TestMediaSettings.class);
        answered("echo");
        String hold = phone.offer("0 101", "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=sendonly\r\n");
        SipResponse held = phone.reinvite(hold);
        assertEquals(200, held.status());
        assertTrue(MediaPhone.body(held).contains("a=recvonly"), MediaPhone.body(held));
        phone.sendRtp(0, new byte[160], true);
        assertEquals(null, phone.receiveRtp(), "no echo while the peer holds us (we only receive)");
        SipResponse resumed = phone.reinvite(phone.pcmuOffer());
        assertEquals(200, resumed.status());
        assertTrue(MediaPhone.body(resumed).contains("a=sendrecv"), MediaPhone.body(resumed));
        byte[] payload = new byte[160];
        payload[0] = 42;
        phone.sendRtp(0, payload, false);
        assertArrayEquals(payload, phone.receiveRtp().payload(), "echo again after resume");
        assertEquals(200, phone.bye().status());
    }

    @Test
    void reInviteChangingTheCodecIsAnsweredWithItAndEchoFollows() throws Exception {
        start(TestMediaSettings.class);
        answered("echo");
        SipResponse changed = phone.reinvite(phone.offer("8", "a=rtpmap:8 PCMA/8000\r\n"));
        assertEquals(200, changed.status());
        assertTrue(MediaPhone.body(changed).contains("RTP/AVP 8"), MediaPhone.body(changed));
        byte[] payload = new byte[160];
        payload[1] = 9;
        phone.sendRtp(8, payload, true);
        MediaPhone.Rtp back = phone.receiveRtp();
        assertNotNull(back, "echo after the codec change");
        assertEquals(8, back.payloadType());
        assertArrayEquals(payload, back.payload());
        assertEquals(200, phone.bye().status());
    }

    @Test
    void reInviteWithoutACommonCodecIs488AndTheCallGoesOnAsBefore() throws Exception {
        start(TestMediaSettings.class);
        answered("echo");
        SipResponse refused = phone.reinvite(phone.offer("18", "a=rtpmap:18 G729/8000\r\n"));
        assertEquals(488, refused.status());
        assertTrue(refused.header("Warning").isPresent());
        byte[] payload = new byte[160];
        payload[2] = 5;
        phone.sendRtp(0, payload, false);
        assertArrayEquals(payload, phone.receiveRtp().payload(), "still echoing PCMU");
        assertEquals(200, phone.bye().status());
    }

    @Test
    void dtmfDigitsReachTheAppsListenerAndItsDigitCollection() throws Exception {
        start(TestMediaSettings.class);
        answered("digits");
        await(() -> media.function(phone.callId()).orElse("").equals("collect-digits"),
                "the app's digit collection running at the media plane");
        phone.sendRtp(0, new byte[160], true);
        for (char digit : "12#".toCharArray()) {
            phone.sendDigit(101, digit);
        }
        assertEquals("key 1", recorder.next(10));
        assertEquals("key 2", recorder.next(10));
        assertEquals("key #", recorder.next(10));
        assertEquals("digits 12", recorder.next(10));
        assertEquals(200, phone.bye().status());
    }

    @Test
    void promptPlaysToTheEndThenThePlayStageCompletes(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("tone.wav");
        short[] samples = new short[8000 / 5];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        try (OutputStream out = Files.newOutputStream(wav)) {
            WavWriter.writePcm16(out, 8000, samples);
        }
        start(TestMediaSettings.class);
        SipResponse ok = phone.invite("prompt", phone.pcmuOffer(), "X-Prompt: " + wav + "\r\n");
        assertEquals(200, ok.status());
        phone.ack();
        assertEquals("answered prompt", recorder.next(10));
        int packets = 0;
        for (MediaPhone.Rtp p = phone.receiveRtp(); p != null; p = phone.receiveRtp()) {
            assertEquals(0, p.payloadType());
            packets++;
        }
        assertEquals(10, packets, "200 ms of prompt in 20 ms packets");
        assertEquals("played", recorder.next(10));
        assertEquals(200, phone.bye().status());
    }

    @Test
    void aPromptThatCannotBeReadFailsThePlayStageAndTheCallGoesOn() throws Exception {
        start(TestMediaSettings.class);
        SipResponse ok = phone.invite("prompt", phone.pcmuOffer(), "X-Prompt: /nonexistent/prompt.wav\r\n");
        assertEquals(200, ok.status());
        phone.ack();
        assertEquals("answered prompt", recorder.next(10));
        assertEquals("play failed", recorder.next(10));
        assertEquals(1, media.openCalls());
        assertEquals(200, phone.bye().status());
    }

    @Test
    void aCallerThatSendsNoRtpIsHungUpWithBye() throws Exception {
        start(ShortInactivityMediaSettings.class);
        answered("echo");
        SipRequest bye = phone.nextRequestAnswered();
        assertEquals("BYE", bye.method());
        await(() -> media.openCalls() == 0, "media closed after the container's BYE");
    }

    @Test
    void stoppingThePlaneClosesOpenMediaFreesItsPortsAndLeavesNoTaskOrThread() throws Exception {
        start(TestMediaSettings.class);
        answered("echo");
        assertEquals(1, media.openCalls());
        InetSocketAddress port = phone.media();
        media.stop();
        media.stop();
        assertEquals(io.voxplane.runtime.PlaneState.STOPPED, media.state());
        assertEquals(0, media.openCalls());
        assertEquals(java.util.List.of(), media.tasks().orElseThrow().leaks());
        try (java.net.DatagramSocket rebound = new java.net.DatagramSocket(port)) {
            assertEquals(port.getPort(), rebound.getLocalPort(), "the call's RTP port is free again");
        }
    }
}
