package io.voxplane.media.jitter;

import static io.voxplane.media.jitter.JitterBuffer.PlayoutResult.BUFFERING;
import static io.voxplane.media.jitter.JitterBuffer.PlayoutResult.EXPANDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.VirtualClock;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioDecoder;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.G722Codec;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.RtpPacketWriter;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    @Test
    void aCleanNetworkPlaysEveryFrameUnchangedAtMinimumDelay() {
        NetworkSimulation sim = new NetworkSimulation(G711Codec.PCMU, 1, 10);
        sim.run(500, true);
        JitterBufferStatistics s = sim.buffer.statistics();
        assertEquals(0, s.framesExpanded());
        assertEquals(0, s.lostPackets());
        assertEquals(0, s.latePackets());
        assertEquals(JitterBufferConfig.DEFAULT_MIN_DELAY_MILLIS, s.targetDelayMillis());
        // the played audio is the decoded sent audio, frame for frame, after the buffering ticks
        long buffering = sim.count(BUFFERING);
        assertTrue(buffering <= 4, "buffering ticks " + buffering);
        AudioDecoder dec = G711Codec.PCMU.newDecoder();
        byte[] enc = new byte[160];
        short[] expected = new short[160];
        int firstPlayed = (int) buffering;
        for (int f = 0; f < 100; f++) {
            G711Codec.PCMU.newEncoder().encode(sim.source, f * 160, 160, enc, 0);
            dec.decode(enc, 0, 160, expected, 0);
            assertArrayEqualsFrame(expected, sim.played.get(firstPlayed + f), f);
        }
    }

    @Test
    void aCleanG722StreamDecodesExactlyAsWithoutTheBuffer() {
        NetworkSimulation sim = new NetworkSimulation(G722Codec.INSTANCE, 11, 10);
        sim.jitterMillis = 15; // reorders nothing at 20 ms spacing, but moves arrival phases
        sim.run(400, true);
        assertEquals(0, sim.buffer.statistics().framesExpanded());
        assertEquals(0, sim.buffer.statistics().framesAccelerated());
        var enc = G722Codec.INSTANCE.newEncoder();
        var dec = G722Codec.INSTANCE.newDecoder();
        byte[] bits = new byte[160];
        short[] expected = new short[320];
        int first = (int) sim.count(BUFFERING);
        for (int f = 0; f < 300; f++) {
            enc.encode(sim.source, f * 320, 320, bits, 0);
            dec.decode(bits, 0, 160, expected, 0);
            assertArrayEqualsFrame(expected, sim.played.get(first + f), f);
        }
    }

    private static void assertArrayEqualsFrame(short[] expected, short[] actual, int frame) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], "frame " + frame + " sample " + i);
        }
    }

    @Test
    void jitterRaisesTheTargetDelayAndKeepsLateFramesRare() {
        NetworkSimulation sim = new NetworkSimulation(G711Codec.PCMA, 2, 20);
        sim.jitterMillis = 80;
        sim.run(1500, true);
        JitterBufferStatistics s = sim.buffer.statistics();
        assertTrue(s.targetDelayMillis() >= 80 && s.targetDelayMillis() <= 140, "target " + s.targetDelayMillis());
        assertTrue(s.latePackets() < 0.03 * s.packetsReceived(), "late " + s.latePackets());
        assertTrue(s.expandRate() < 0.05, "expand rate " + s.expandRate());
        assertEquals(0, s.lostPackets());
        assertTrue(s.reorderedPackets() > 100, "80 ms jitter at 20 ms spacing reorders: " + s.reorderedPackets());
    }

    @Test
    void randomLossIsCountedAndConcealed() {
        NetworkSimulation sim = new NetworkSimulation(G711Codec.PCMU, 3, 20);
        sim.lossProbability = 0.05;
        sim.run(2000, true);
        JitterBufferStatistics s = sim.buffer.statistics();
        assertTrue(s.lossRate() > 0.035 && s.lossRate() < 0.065, "loss rate " + s.lossRate());
        assertEquals(s.lostPackets(), s.framesExpanded(), 3.0);
        assertEquals(0, s.latePackets());
    }

    @Test
    void duplicatesAreDroppedAndDoNotDisturbPlayout() {
        NetworkSimulation sim = new NetworkSimulation(G711Codec.PCMU, 4, 10);
        sim.duplicateProbability = 0.2;
        sim.run(500, true);
        JitterBufferStatistics s = sim.buffer.statistics();
        assertTrue(s.duplicatePackets() > 60 && s.duplicatePackets() < 140, "duplicates " + s.duplicatePackets());
        assertEquals(0, s.framesExpanded());
        assertEquals(0, s.lostPackets());
    }

    @Test
    void delayComesBackDownAfterAJitterSpell() {
        NetworkSimulation sim = new NetworkSimulation(G711Codec.PCMU, 5, 30);
        sim.jitterMillis = 120;
        sim.run(1000, true);
        double during = sim.averageDelay(500, 1000);
        int targetDuring = sim.buffer.statistics().targetDelayMillis();
        sim.jitterMillis = 0;
        sim.run(1500, true);
        JitterBufferStatistics s = sim.buffer.statistics();
        double after = sim.averageDelay(2000, 2500);
        assertTrue(s.framesAccelerated() > 0, "accelerated " + s.framesAccelerated());
        assertTrue(targetDuring >= 120, "target during jitter " + targetDuring);
        assertTrue(after < during - 10 && after <= 60, "buffered " + during + " ms -> " + after + " ms");
        assertEquals(JitterBufferConfig.DEFAULT_MIN_DELAY_MILLIS, s.targetDelayMillis());
    }

    @Test
    void aSenderPauseResumesWithoutAddingLatency() {
        NetworkSimulation sim = new NetworkSimulation(G722Codec.INSTANCE, 6, 10);
        sim.run(100, true);
        int before = sim.buffer.statistics().currentDelayMillis();
        sim.run(25, false); // 500 ms of silence suppression
        sim.pauseSender(25);
        sim.run(100, true);
        JitterBufferStatistics s = sim.buffer.statistics();
        assertTrue(s.currentDelayMillis() <= before + 20, before + " -> " + s.currentDelayMillis());
        assertEquals(0, s.latePackets());
        assertEquals(0, s.resyncs());
    }

    @Test
    void aHugeTimestampJumpResynchronises() {
        VirtualClock clock = new VirtualClock();
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.defaults(G711Codec.PCMU), clock);
        RtpPacketWriter w = new RtpPacketWriter().ssrc(1).payloadType(0);
        byte[] buf = new byte[200];
        RtpPacket p = new RtpPacket();
        p.wrap(buf, 0, w.sequenceNumber(1).timestamp(1000).write(new byte[160], 0, 160, buf, 0));
        assertEquals(JitterBuffer.OfferResult.ACCEPTED, jb.offer(p));
        p.wrap(buf, 0, w.sequenceNumber(2).timestamp(1000 + 160 * 1000).write(new byte[160], 0, 160, buf, 0));
        assertEquals(JitterBuffer.OfferResult.RESYNCED, jb.offer(p));
        assertEquals(1, jb.statistics().resyncs());
    }

    @Test
    void aTimestampOffTheFrameGridRealignsInsteadOfNeverPlaying() {
        VirtualClock clock = new VirtualClock();
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.defaults(G711Codec.PCMU), clock);
        RtpPacketWriter w = new RtpPacketWriter().ssrc(1).payloadType(0);
        byte[] buf = new byte[200];
        RtpPacket p = new RtpPacket();
        short[] out = new short[160];
        for (int i = 0; i < 10; i++) {
            p.wrap(buf, 0, w.sequenceNumber(i).timestamp(160L * i).write(new byte[160], 0, 160, buf, 0));
            jb.offer(p);
            jb.poll(out, 0);
        }
        long shifted = 160L * 10 + 80; // the sender's timestamp base moved by half a frame
        for (int i = 0; i < 10; i++) {
            p.wrap(buf, 0, w.sequenceNumber(10 + i).timestamp(shifted + 160L * i).write(new byte[160], 0, 160, buf, 0));
            jb.offer(p);
            jb.poll(out, 0);
        }
        assertEquals(1, jb.statistics().resyncs());
        assertTrue(jb.statistics().framesExpanded() <= 3, "expanded " + jb.statistics().framesExpanded());
    }

    @Test
    void aNewSsrcWithAnEarlierTimestampIsPlayedNotDroppedAsLate() {
        VirtualClock clock = new VirtualClock();
        JitterBuffer jb = new JitterBuffer(JitterBufferConfig.defaults(G711Codec.PCMU), clock);
        RtpPacketWriter w = new RtpPacketWriter().payloadType(0);
        byte[] buf = new byte[200];
        RtpPacket p = new RtpPacket();
        short[] out = new short[160];
        for (int i = 0; i < 20; i++) {
            p.wrap(buf, 0, w.ssrc(1).sequenceNumber(100 + i).timestamp(900_000 + 160L * i).write(new byte[160], 0, 160, buf, 0));
            jb.offer(p);
            clock.advanceMillis(20);
            jb.poll(out, 0);
        }
        p.wrap(buf, 0, w.ssrc(2).sequenceNumber(7).timestamp(5_000).write(new byte[160], 0, 160, buf, 0));
        assertEquals(JitterBuffer.OfferResult.RESYNCED, jb.offer(p));
        for (int i = 1; i < 20; i++) {
            p.wrap(buf, 0, w.ssrc(2).sequenceNumber(7 + i).timestamp(5_000 + 160L * i).write(new byte[160], 0, 160, buf, 0));
            assertEquals(JitterBuffer.OfferResult.ACCEPTED, jb.offer(p));
            clock.advanceMillis(20);
            jb.poll(out, 0);
        }
        JitterBufferStatistics s = jb.statistics();
        assertEquals(0, s.latePackets());
        assertEquals(0, s.lostPackets());
        assertEquals(1, s.resyncs());
    }

    @Test
    void concealedFramesAreNotSilentRightAfterSpeech() {
        NetworkSimulation sim = new NetworkSimulation(G711Codec.PCMU, 7, 20);
        sim.lossProbability = 0.1;
        sim.run(1000, true);
        int loudConcealed = 0;
        for (int i = 1; i < sim.results.size(); i++) {
            if (sim.results.get(i) == EXPANDED && sim.results.get(i - 1) != EXPANDED && energy(sim.played.get(i - 1)) > 1e6) {
                assertTrue(energy(sim.played.get(i)) > 1e4, "concealment after a loud frame is audible");
                loudConcealed++;
            }
        }
        assertTrue(loudConcealed > 10, "cases checked " + loudConcealed);
    }

    private static double energy(short[] frame) {
        double e = 0;
        for (short s : frame) {
            e += (double) s * s;
        }
        return e / frame.length;
    }

    @Test
    void perCallStateStaysSmall() {
        AudioCodec c = G722Codec.INSTANCE;
        JitterBufferConfig cfg = JitterBufferConfig.defaults(c);
        int payloadBytes = cfg.capacityFrames() * c.encodedLength(c.samplesPerFrame(cfg.frameMillis()));
        assertTrue(payloadBytes <= 8 * 1024, "payload slots " + payloadBytes);
    }
}
