package io.voxplane.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.TestPeer;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.G722Codec;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.wav.WavWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptFunctionTest extends SessionFixture {

    @TempDir
    Path dir;

    static short[] tone(int rate, int millis, double hz) {
        short[] s = new short[rate * millis / 1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    private Path wav(String name, int rate, short[] samples) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            WavWriter.writePcm16(out, rate, samples);
        }
        return p;
    }

    private MediaSession session(TestPeer peer, AudioCodec codec) throws Exception {
        MediaSession s = transport.open(LOOPBACK).listener(events);
        s.configure(MediaParameters.of(peer.address(), codec, DTMF_PT));
        return s;
    }

    private static List<RtpPacket> drain(TestPeer peer, int expected) throws Exception {
        List<RtpPacket> got = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            TestPeer.Received r = peer.receive(5000);
            assertNotNull(r, "packet " + i + " of " + expected);
            got.add(r.rtp());
        }
        return got;
    }

    private static void assertPaced(List<RtpPacket> packets, int payloadBytes, int tsStep) {
        for (int i = 0; i < packets.size(); i++) {
            RtpPacket p = packets.get(i);
            assertEquals(i == 0, p.marker(), "marker on the first packet only (" + i + ")");
            assertEquals(payloadBytes, p.payloadLength());
            if (i > 0) {
                RtpPacket q = packets.get(i - 1);
                assertEquals((q.sequenceNumber() + 1) & 0xFFFF, p.sequenceNumber());
                assertEquals((q.timestamp() + tsStep) & 0xFFFFFFFFL, p.timestamp());
                assertEquals(q.ssrc(), p.ssrc());
            }
        }
    }

    @Test
    void playsOnePacketPerPtimeWithContinuousSequenceAndTimestampThenFinishes() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer, G711Codec.PCMU);
            s.play(wav("one-second.wav", 8000, tone(8000, 1000, 440)));
            time.advanceMillis(990);
            List<RtpPacket> packets = drain(peer, 50);
            assertPaced(packets, 160, 160);
            assertEquals(1, events.finished.size());
            assertEquals(FunctionOutcome.Reason.COMPLETED, events.finished.get(0).reason());
            assertEquals("none", s.functionName());
            time.advanceMillis(1000);
            assertNull(peer.receive(300), "nothing after the end");
            assertEquals(50, s.statistics().packetsSent());
        }
    }

    @Test
    void pacingFollowsVirtualTime() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer, G711Codec.PCMA);
            s.play(wav("one-second.wav", 8000, tone(8000, 1000, 440)));
            time.advanceMillis(190);
            drain(peer, 10);
            assertNull(peer.receive(200), "ten packets in the first 200 ms (at 0, 20, ... 180 ms)");
            assertTrue(events.finished.isEmpty());
        }
    }

    @Test
    void playsA16kHzPromptWithG722At8000TimestampUnitsPerSecond() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer, G722Codec.INSTANCE);
            s.play(wav("wide.wav", 16000, tone(16000, 1000, 1000)));
            time.advanceMillis(1000);
            assertPaced(drain(peer, 50), 160, 160);
        }
    }

    @Test
    void convertsAn8kHzPromptForG722AndA16kHzPromptForG711() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer, G722Codec.INSTANCE);
            s.play(wav("narrow.wav", 8000, tone(8000, 500, 440)));
            time.advanceMillis(500);
            assertPaced(drain(peer, 25), 160, 160);
            s.configure(MediaParameters.of(peer.address(), G711Codec.PCMU, DTMF_PT));
            s.play(wav("wide.wav", 16000, tone(16000, 500, 440)));
            time.advanceMillis(500);
            List<RtpPacket> second = drain(peer, 25);
            assertPaced(second, 160, 160);
        }
    }

    @Test
    void loopsUntilReplaced() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer, G711Codec.PCMU);
            s.play(wav("short.wav", 8000, tone(8000, 100, 440)), true);
            time.advanceMillis(990);
            List<RtpPacket> packets = drain(peer, 50);
            assertPaced(packets, 160, 160);
            assertTrue(events.finished.isEmpty());
            s.stopFunction();
            time.advanceMillis(1000);
            assertNull(peer.receive(300));
        }
    }

    @Test
    void rejectsPromptsThatAreNot8Or16kHzOrNotWav() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = session(peer, G711Codec.PCMU);
            MediaException rate = assertThrows(MediaException.class,
                    () -> s.play(wav("cd.wav", 44100, tone(44100, 100, 440))));
            assertEquals(MediaErrorCode.PROMPT_UNSUPPORTED_FORMAT, rate.code());
            Path text = dir.resolve("text.wav");
            Files.writeString(text, "not a wav file");
            assertEquals(MediaErrorCode.PROMPT_UNREADABLE, assertThrows(MediaException.class, () -> s.play(text)).code());
            assertEquals(MediaErrorCode.PROMPT_UNREADABLE,
                    assertThrows(MediaException.class, () -> s.play(dir.resolve("missing.wav"))).code());
            assertEquals("none", s.functionName());
        }
    }
}
