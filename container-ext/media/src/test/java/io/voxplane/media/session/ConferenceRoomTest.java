package io.voxplane.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.TestPeer;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioDecoder;
import io.voxplane.media.codec.AudioEncoder;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.G722Codec;
import io.voxplane.media.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConferenceRoomTest extends SessionFixture {

    private static final double[] TONES = {500, 900, 1400};

    /** One caller: a peer sending a tone into its session and decoding what it hears. */
    private static final class Caller {
        final TestPeer peer;
        final MediaSession session;
        final AudioCodec codec;
        final double hz;
        final AudioEncoder encoder;
        final AudioDecoder decoder;
        final short[] heard = new short[16000 * 4];
        int heardSamples;
        int seq;

        Caller(TestPeer peer, MediaSession session, AudioCodec codec, double hz) {
            this.peer = peer;
            this.session = session;
            this.codec = codec;
            this.hz = hz;
            this.encoder = codec.newEncoder();
            this.decoder = codec.newDecoder();
        }

        void speak(int frame) throws Exception {
            int n = codec.samplesPerFrame(20);
            short[] pcm = new short[n];
            for (int i = 0; i < n; i++) {
                pcm[i] = (short) (6000 * Math.sin(2 * Math.PI * hz * (frame * n + i) / codec.sampleRate()));
            }
            byte[] out = new byte[codec.encodedLength(n)];
            encoder.encode(pcm, 0, n, out, 0);
            peer.sendRtp(session.localAddress(), codec.payloadType(), seq++, (long) frame * 160, 0xA0L + (long) hz,
                    false, out);
        }

        void listen(long timeoutMillis) throws Exception {
            TestPeer.Received r;
            while ((r = peer.receive(timeoutMillis)) != null) {
                RtpPacket p = r.rtp();
                if (heardSamples + codec.decodedLength(p.payloadLength()) <= heard.length) {
                    heardSamples += decoder.decode(p.buffer(), p.payloadOffset(), p.payloadLength(), heard, heardSamples);
                }
                timeoutMillis = 50;
            }
        }

        /** Goertzel power of {@code f} over the second half of what was heard. */
        double power(double f) {
            int start = heardSamples / 2;
            double w = 2 * Math.PI * f / codec.sampleRate();
            double c = 2 * Math.cos(w);
            double s1 = 0;
            double s2 = 0;
            for (int i = start; i < heardSamples; i++) {
                double s0 = heard[i] + c * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            int n = heardSamples - start;
            return (s1 * s1 + s2 * s2 - c * s1 * s2) / ((double) n * n);
        }
    }

    private List<Caller> join(ConferenceRoom room, AudioCodec... codecs) throws Exception {
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < codecs.length; i++) {
            TestPeer peer = new TestPeer();
            MediaSession s = transport.open(LOOPBACK).listener(events);
            s.configure(MediaParameters.of(peer.address(), codecs[i], DTMF_PT));
            room.join(s);
            callers.add(new Caller(peer, s, codecs[i], TONES[i]));
        }
        return callers;
    }

    private void talk(List<Caller> callers, int frames) throws Exception {
        for (int f = 0; f < frames; f++) {
            for (Caller c : callers) {
                c.speak(f);
            }
            for (Caller c : callers) {
                awaitReceived(c.session, f + 1);
            }
            time.advanceMillis(20);
        }
        for (Caller c : callers) {
            c.listen(2000);
        }
    }

    private static void assertHearsOthersNotItself(List<Caller> callers) {
        for (Caller me : callers) {
            assertTrue(me.heardSamples > 0, "caller at " + me.hz + " Hz heard nothing");
            double own = me.power(me.hz);
            for (Caller other : callers) {
                if (other != me) {
                    double theirs = me.power(other.hz);
                    assertTrue(theirs > 100 * own + 1e4, "caller at " + me.hz + " Hz hears " + other.hz + " Hz with power "
                            + theirs + ", itself with " + own);
                }
            }
        }
    }

    @Test
    void eachOfThreeParticipantsHearsTheOtherTwoButNotItself() throws Exception {
        ConferenceRoom room = transport.conferenceRoom("three");
        List<Caller> callers = join(room, G711Codec.PCMU, G711Codec.PCMU, G711Codec.PCMU);
        try {
            assertEquals(3, room.size());
            talk(callers, 50);
            assertHearsOthersNotItself(callers);
        } finally {
            for (Caller c : callers) {
                c.peer.close();
            }
        }
    }

    @Test
    void mixesParticipantsWithDifferentCodecs() throws Exception {
        ConferenceRoom room = transport.conferenceRoom("mixed");
        List<Caller> callers = join(room, G711Codec.PCMU, G722Codec.INSTANCE, G711Codec.PCMA);
        try {
            talk(callers, 50);
            assertHearsOthersNotItself(callers);
        } finally {
            for (Caller c : callers) {
                c.peer.close();
            }
        }
    }

    @Test
    void theRoomClosesWhenTheLastParticipantLeavesAndTheNameCanBeReused() throws Exception {
        ConferenceRoom room = transport.conferenceRoom("brief");
        assertSame(room, transport.conferenceRoom("brief"));
        List<Caller> callers = join(room, G711Codec.PCMU, G711Codec.PCMU);
        try {
            room.leave(callers.get(0).session);
            assertEquals(1, room.size());
            assertEquals("none", callers.get(0).session.functionName());
            callers.get(1).session.echo(); // another function: leaves the room
            assertTrue(room.isClosed());
            assertEquals(0, transport.rooms());
            MediaException closed = assertThrows(MediaException.class, () -> room.join(callers.get(0).session));
            assertEquals(MediaErrorCode.ROOM_CLOSED, closed.code());
            assertNotSame(room, transport.conferenceRoom("brief"));
        } finally {
            for (Caller c : callers) {
                c.peer.close();
            }
        }
    }

    @Test
    void joiningTheSameRoomTwiceChangesNothing() throws Exception {
        ConferenceRoom room = transport.conferenceRoom("twice");
        List<Caller> callers = join(room, G711Codec.PCMU);
        try {
            room.join(callers.get(0).session);
            assertEquals(1, room.size());
            assertTrue(!room.isClosed());
        } finally {
            callers.get(0).peer.close();
        }
    }

    @Test
    void aParticipantWithAnotherPtimeIsRefused() throws Exception {
        try (TestPeer peer = new TestPeer()) {
            MediaSession s = transport.open(LOOPBACK);
            s.configure(new MediaParameters(peer.address(), G711Codec.PCMU, 0, 30, -1, MediaDirection.SENDRECV));
            ConferenceRoom room = transport.conferenceRoom("ptime");
            assertEquals(MediaErrorCode.ROOM_PTIME_MISMATCH, assertThrows(MediaException.class, () -> room.join(s)).code());
            assertEquals("none", s.functionName());
        }
    }

    @Test
    void closingASessionTakesItOutOfItsRoom() throws Exception {
        ConferenceRoom room = transport.conferenceRoom("close");
        List<Caller> callers = join(room, G711Codec.PCMU, G711Codec.PCMU);
        try {
            callers.get(0).session.close();
            assertEquals(1, room.size());
        } finally {
            for (Caller c : callers) {
                c.peer.close();
            }
        }
    }
}
