package io.voxplane.media.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.TestPeer;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.MuLaw;
import io.voxplane.media.wav.WavAudio;
import io.voxplane.media.wav.WavReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFunctionTest extends SessionFixture {

    @TempDir
    Path dir;

    private static final long SSRC = 0xCAFEL;

    /** Sends frame {@code i} of {@code pcm} as PCMU and returns it. */
    private static byte[] ulaw(short[] pcm, int i) {
        byte[] b = new byte[160];
        for (int k = 0; k < 160; k++) {
            b[k] = MuLaw.encode(pcm[160 * i + k]);
        }
        return b;
    }

    @Test
    void recordsDecodedAudioThatReadsBackAsTheG711RoundTrip() throws Exception {
        short[] tone = PromptFunctionTest.tone(8000, 1000, 700);
        Path file = dir.resolve("rec.wav");
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = transport.open(LOOPBACK).listener(events);
            s.configure(MediaParameters.of(peer.address(), G711Codec.PCMU, DTMF_PT));
            s.record(file);
            for (int i = 0; i < 50; i++) {
                peer.sendRtp(s.localAddress(), 0, 1000 + i, 160L * i, SSRC, i == 0, ulaw(tone, i));
                awaitReceived(s, i + 1);
                time.advanceMillis(20);
            }
            s.close();
        }
        WavAudio rec = WavReader.read(Files.readAllBytes(file));
        assertEquals(8000, rec.sampleRate());
        assertEquals(WavAudio.FORMAT_PCM, rec.formatTag());
        short[] expected = new short[50 * 160];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = MuLaw.decode(MuLaw.encode(tone[i]));
        }
        // the jitter buffer holds back its target delay; every frame it played is the G.711 round trip
        assertTrue(rec.samples().length >= 40 * 160, "recorded " + rec.samples().length + " samples");
        assertArrayEquals(Arrays.copyOf(expected, rec.samples().length), rec.samples());
    }

    @Test
    void stopsAtTheMaximumDurationAndReportsIt() throws Exception {
        short[] tone = PromptFunctionTest.tone(8000, 1000, 700);
        Path file = dir.resolve("short.wav");
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = transport.open(LOOPBACK).listener(events);
            s.configure(MediaParameters.of(peer.address(), G711Codec.PCMU, DTMF_PT));
            s.record(file, Duration.ofMillis(200));
            for (int i = 0; i < 30; i++) {
                peer.sendRtp(s.localAddress(), 0, i, 160L * i, SSRC, false, ulaw(tone, i));
                awaitReceived(s, i + 1);
                time.advanceMillis(20);
            }
            assertEquals(1, events.finished.size());
            assertEquals(FunctionOutcome.Reason.MAX_DURATION, events.finished.get(0).reason());
            assertEquals("none", s.functionName());
        }
        assertEquals(1600, WavReader.read(Files.readAllBytes(file)).samples().length);
    }
}
