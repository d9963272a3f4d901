package io.voxplane.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.TestPeer;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.dtmf.DtmfReceiver;
import io.voxplane.media.dtmf.TelephoneEvent;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.wav.WavWriter;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sending DTMF (RFC 4733) from a session on real loopback sockets with virtual time: what a peer
 * receives is parsed field by field and decoded with the library's {@link DtmfReceiver}.
 */
class DtmfSendTest extends SessionFixture {

    /** Packets per digit at the defaults: start (t=0), then 3 end packets at t=50 ms. */
    private static final int PACKETS_PER_DIGIT = 4;
    /** 100 ms at 8 kHz. */
    private static final int TONE_UNITS = 800;
    /** Tone plus gap, 170 ms at 8 kHz: the distance between two events' timestamps. */
    private static final int DIGIT_CYCLE_UNITS = 1360;

    @TempDir
    Path dir;

    @Override
    MediaConfig config() {
        return super.config().withRtcp(false);
    }

    private MediaSession session(InetSocketAddress remote, int telephoneEvent, MediaDirection direction) {
        MediaSession s = transport.open(LOOPBACK).listener(events);
        s.configure(new MediaParameters(remote, G711Codec.PCMU, 0, 20, telephoneEvent, direction));
        return s;
    }

    private static List<RtpPacket> receive(TestPeer peer, int n) throws Exception {
        List<RtpPacket> got = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TestPeer.Received r = peer.receive(5000);
            assertNotNull(r, "packet " + i + " of " + n);
            got.add(r.rtp());
        }
        return got;
    }

    private static TelephoneEvent event(RtpPacket p) throws Exception {
        return TelephoneEvent.decode(p.buffer(), p.offset() + p.payloadOffset(), p.payloadLength());
    }

    private static Throwable failure(CompletionStage<Void> stage) throws Exception {
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void eachDigitIsOneEventWithMarkerStartTimestampGrowingDurationAndThreeEndPackets() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), DTMF_PT, MediaDirection.SENDRECV);
            CompletableFuture<Void> sent = s.sendDtmf("1#9").toCompletableFuture();
            time.advanceMillis(389);
            assertFalse(sent.isDone(), "the last digit's end packets go out at 2 x 170 + 50 ms");
            time.advanceMillis(1);
            assertTrue(sent.isDone());
            sent.get(0, TimeUnit.SECONDS);

            List<RtpPacket> packets = receive(peer, 3 * PACKETS_PER_DIGIT);
            assertNull(peer.receive(200), "nothing else: no audio function runs");
            DtmfReceiver decoder = new DtmfReceiver();
            StringBuilder digits = new StringBuilder();
            for (int d = 0; d < 3; d++) {
                List<RtpPacket> one = packets.subList(d * PACKETS_PER_DIGIT, (d + 1) * PACKETS_PER_DIGIT);
                long start = one.get(0).timestamp();
                int previousDuration = 0;
                for (int i = 0; i < one.size(); i++) {
                    RtpPacket p = one.get(i);
                    TelephoneEvent e = event(p);
                    assertEquals(DTMF_PT, p.payloadType(), "the negotiated telephone-event payload type");
                    assertEquals(s.ssrc(), p.ssrc(), "the audio stream's SSRC (RFC 4733 s2.1)");
                    assertEquals(i == 0, p.marker(), "marker on the event's first packet only");
                    assertEquals(start, p.timestamp(), "every packet carries the event's start timestamp");
                    assertTrue(e.duration() >= previousDuration, "duration grows: " + e);
                    previousDuration = e.duration();
                    assertEquals(i >= 1, e.end(), "the last three have the E bit (s2.5.1.4)");
                    if (e.end()) {
                        assertEquals(TONE_UNITS, e.duration(), "100 ms at 8 kHz");
                    }
                    assertEquals(10, e.volume());
                    decoder.onPacket(p.timestamp(), e).ifPresent(digit -> digits.append(digit.digit()));
                }
                assertEquals(400, event(one.get(0)).duration(), "the start packet covers its 50 ms");
                if (d > 0) {
                    long previousStart = packets.get((d - 1) * PACKETS_PER_DIGIT).timestamp();
                    assertEquals(DIGIT_CYCLE_UNITS, (start - previousStart) & 0xFFFFFFFFL, "tone 100 ms + gap 70 ms");
                }
            }
            assertEquals("1#9", digits.toString(), "decoded once per event, in order");
            for (int i = 1; i < packets.size(); i++) {
                assertEquals((packets.get(i - 1).sequenceNumber() + 1) & 0xFFFF, packets.get(i).sequenceNumber(),
                        "one sequence, no gap");
            }
            assertEquals(3, s.dtmfDigitsSent());
            assertEquals(3L * PACKETS_PER_DIGIT, s.statistics().packetsSent());
        }
    }

    @Test
    void anotherSessionDecodesTheDigitsSentToIt() throws Exception {
        MediaSession receiver = transport.open(LOOPBACK).listener(events);
        MediaSession sender = transport.open(LOOPBACK);
        receiver.configure(MediaParameters.of(sender.localAddress(), G711Codec.PCMU, DTMF_PT));
        sender.configure(MediaParameters.of(receiver.localAddress(), G711Codec.PCMU, DTMF_PT));
        CompletableFuture<Void> sent = sender.sendDtmf("147*0#ABCD").toCompletableFuture();
        time.advanceMillis(10 * 170);
        sent.get(0, TimeUnit.SECONDS);
        assertTrue(TestPeer.await(() -> events.digits.length() == 10, 5000), "received " + events.digits);
        assertEquals("147*0#ABCD", events.digits.toString());
        assertEquals(10, receiver.statistics().digits());
    }

    @Test
    void stringsQueueBehindEachOtherAndCompleteInOrder() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), DTMF_PT, MediaDirection.SENDRECV);
            CompletableFuture<Void> first = s.sendDtmf("12").toCompletableFuture();
            CompletableFuture<Void> second = s.sendDtmf("3").toCompletableFuture();
            time.advanceMillis(170 + 50);
            assertTrue(first.isDone());
            assertFalse(second.isDone(), "the second string waits for the first one's last tone and gap");
            time.advanceMillis(170);
            assertTrue(second.isDone());
            DtmfReceiver decoder = new DtmfReceiver();
            StringBuilder digits = new StringBuilder();
            for (RtpPacket p : receive(peer, 3 * PACKETS_PER_DIGIT)) {
                decoder.onPacket(p.timestamp(), event(p)).ifPresent(d -> digits.append(d.digit()));
            }
            assertEquals("123", digits.toString());
        }
    }

    @Test
    void audioIsHeldBackWhileAnEventLastsAndResumesWithTheMarkerAfterIt() throws Exception {
        Path wav = dir.resolve("tone.wav");
        short[] samples = new short[8000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (6000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        try (OutputStream out = Files.newOutputStream(wav)) {
            WavWriter.writePcm16(out, 8000, samples);
        }
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), DTMF_PT, MediaDirection.SENDRECV);
            s.play(wav);
            time.advanceMillis(105); // prompt packets at 0, 20 ... 100 ms
            CompletableFuture<Void> sent = s.sendDtmf("5").toCompletableFuture();
            time.advanceMillis(300);
            assertTrue(sent.isDone());
            // 6 audio before; the event 105-205 ms: start + 3 ends; audio at 120-200 ms held back;
            // audio at 220-400 ms: 10 packets
            List<RtpPacket> packets = receive(peer, 6 + PACKETS_PER_DIGIT + 10);
            List<RtpPacket> audio = packets.stream().filter(p -> p.payloadType() == 0).toList();
            List<RtpPacket> dtmf = packets.stream().filter(p -> p.payloadType() == DTMF_PT).toList();
            assertEquals(PACKETS_PER_DIGIT, dtmf.size());
            assertEquals(16, audio.size());
            long eventStart = dtmf.get(0).timestamp();
            assertEquals((audio.get(5).timestamp() + 160) & 0xFFFFFFFFL, eventStart,
                    "the event starts where the next audio frame would have");
            for (RtpPacket a : audio) {
                long sinceEvent = (a.timestamp() - eventStart) & 0xFFFFFFFFL;
                assertTrue(sinceEvent >= TONE_UNITS || sinceEvent > 0x7FFFFFFFL,
                        "no audio inside the event's span: " + sinceEvent);
            }
            RtpPacket resumed = audio.get(6);
            assertTrue(resumed.marker(), "audio after the event starts a talkspurt");
            assertEquals((eventStart + TONE_UNITS) & 0xFFFFFFFFL, resumed.timestamp(),
                    "audio resumes on the timeline right after the event: five 20 ms frames held back");
            for (int i = 1; i < packets.size(); i++) {
                assertEquals((packets.get(i - 1).sequenceNumber() + 1) & 0xFFFF, packets.get(i).sequenceNumber(),
                        "audio and events share one sequence without gaps");
                assertEquals(s.ssrc(), packets.get(i).ssrc());
            }
        }
    }

    @Test
    void echoedAudioIsHeldBackWhileAnEventLastsToo() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), DTMF_PT, MediaDirection.SENDRECV);
            s.echo();
            long peerSsrc = 0x5151L;
            peer.sendRtp(s.localAddress(), 0, 1, 0, peerSsrc, true, new byte[160]);
            RtpPacket first = receive(peer, 1).get(0);
            CompletableFuture<Void> sent = s.sendDtmf("7").toCompletableFuture();
            for (int i = 1; i <= 3; i++) { // 20-60 ms of the peer's audio, inside the 100 ms event
                peer.sendRtp(s.localAddress(), 0, 1 + i, 160L * i, peerSsrc, false, new byte[160]);
            }
            awaitReceived(s, 4);
            time.advanceMillis(120);
            assertTrue(sent.isDone());
            List<RtpPacket> packets = receive(peer, PACKETS_PER_DIGIT);
            for (RtpPacket p : packets) {
                assertEquals(DTMF_PT, p.payloadType(), "no echo while the event lasts");
            }
            assertNull(peer.receive(200), "the three packets inside the event were not echoed");
            peer.sendRtp(s.localAddress(), 0, 8, 160L * 7, peerSsrc, false, new byte[160]);
            RtpPacket after = receive(peer, 1).get(0);
            assertEquals(0, after.payloadType());
            assertTrue(after.marker(), "the first echo after the event starts a talkspurt");
            long eventStart = packets.get(0).timestamp();
            assertEquals((first.timestamp() + 160) & 0xFFFFFFFFL, eventStart);
            assertEquals((first.timestamp() + 160 * 7) & 0xFFFFFFFFL, after.timestamp(),
                    "echo keeps the peer's timing, after the event's span");
            assertEquals((first.sequenceNumber() + PACKETS_PER_DIGIT + 1) & 0xFFFF, after.sequenceNumber(),
                    "no sequence gap for the held-back packets");
        }
    }

    @Test
    void aCharacterThatIsNotAKeyFailsWithIllegalArgumentNamingItAndNothingIsSent() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), DTMF_PT, MediaDirection.SENDRECV);
            Throwable e = failure(s.sendDtmf("12x4"));
            assertInstanceOf(IllegalArgumentException.class, e);
            assertTrue(e.getMessage().contains("'x'"), e.getMessage());
            assertInstanceOf(IllegalArgumentException.class, failure(s.sendDtmf("1", 10, 70)), "tone under 40 ms");
            time.advanceMillis(500);
            assertNull(peer.receive(200));
            assertEquals(0, s.statistics().packetsSent());
        }
    }

    @Test
    void withoutANegotiatedTelephoneEventItFailsWithVxmed015AndSendsNothing() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), MediaParameters.NO_TELEPHONE_EVENT, MediaDirection.SENDRECV);
            Throwable e = failure(s.sendDtmf("1"));
            assertEquals(MediaErrorCode.NO_TELEPHONE_EVENT, assertInstanceOf(MediaException.class, e).code());
            assertTrue(e.getMessage().startsWith("VXMED-015"), e.getMessage());
            time.advanceMillis(500);
            assertNull(peer.receive(200));
        }
    }

    @Test
    void onHoldItFailsWithVxmed016() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), DTMF_PT, MediaDirection.RECVONLY);
            Throwable e = failure(s.sendDtmf("1"));
            assertEquals(MediaErrorCode.NOT_SENDING, assertInstanceOf(MediaException.class, e).code());
            assertNull(peer.receive(200));
        }
    }

    @Test
    void aHoldBetweenDigitsFailsTheRestAndClosingFailsWhatIsQueuedWithVxmed009() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer.address(), DTMF_PT, MediaDirection.SENDRECV);
            CompletionStage<Void> held = s.sendDtmf("123");
            time.advanceMillis(100);
            s.direction(MediaDirection.RECVONLY);
            time.advanceMillis(500);
            assertEquals(MediaErrorCode.NOT_SENDING,
                    assertInstanceOf(MediaException.class, failure(held)).code());
            assertEquals(PACKETS_PER_DIGIT, receive(peer, PACKETS_PER_DIGIT).size(), "the first digit went out");
            assertNull(peer.receive(200));

            s.direction(MediaDirection.SENDRECV);
            CompletionStage<Void> closed = s.sendDtmf("45");
            s.close();
            assertEquals(MediaErrorCode.SESSION_CLOSED,
                    assertInstanceOf(MediaException.class, failure(closed)).code());
            assertEquals(MediaErrorCode.SESSION_CLOSED,
                    assertInstanceOf(MediaException.class, failure(s.sendDtmf("6"))).code());
            assertEquals(1, receive(peer, 1).size(), "digit 4's start packet went out before the close");
            time.advanceMillis(1000);
            assertNull(peer.receive(200), "no DTMF timer left after the close");
        }
    }
}
