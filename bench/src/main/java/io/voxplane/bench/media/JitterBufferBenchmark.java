package io.voxplane.bench.media;

import io.voxplane.media.NanoClock;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.G722Codec;
import io.voxplane.media.codec.SpeechLikeSignal;
import io.voxplane.media.jitter.JitterBuffer;
import io.voxplane.media.jitter.JitterBufferConfig;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.RtpPacketWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Jitter buffer cost per packet in steady state: one {@code offer} of a 20 ms packet plus one
 * {@code poll} of a 20 ms frame (which includes decoding it), on a virtual clock advancing 20 ms
 * per packet. The score minus the codec's decode time (CodecBenchmark) is the buffer's own cost.
 * Every 50th packet is withheld, so concealment is part of the mix (2% loss).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class JitterBufferBenchmark {

    @Param({"PCMU", "G722"})
    public String codec;

    private static final int PACKETS = 500;

    private long now;
    private JitterBuffer buffer;
    private byte[][] datagrams;
    private final RtpPacket view = new RtpPacket();
    private short[] out;
    private int next;
    private long cycle;
    private int frameTs;

    @Setup(Level.Trial)
    public void setUp() {
        AudioCodec c = "G722".equals(codec) ? G722Codec.INSTANCE : G711Codec.PCMU;
        int samples = c.samplesPerFrame(20);
        frameTs = c.rtpTimestampIncrement(samples);
        short[] pcm = SpeechLikeSignal.generate(c.sampleRate(), PACKETS * samples);
        var enc = c.newEncoder();
        RtpPacketWriter w = new RtpPacketWriter().ssrc(77).payloadType(c.payloadType());
        datagrams = new byte[PACKETS][];
        byte[] payload = new byte[c.encodedLength(samples)];
        for (int i = 0; i < PACKETS; i++) {
            enc.encode(pcm, i * samples, samples, payload, 0);
            datagrams[i] = new byte[12 + payload.length];
            w.sequenceNumber(i).timestamp((long) i * frameTs).write(payload, 0, payload.length, datagrams[i], 0);
        }
        NanoClock clock = () -> now;
        buffer = new JitterBuffer(JitterBufferConfig.defaults(c), clock);
        out = new short[buffer.frameSamples()];
    }

    /** One packet in, one frame out. */
    @Benchmark
    public short offerAndPoll() {
        int i = next;
        byte[] d = datagrams[i];
        long seqAndTsShift = cycle * PACKETS;
        view.wrap(d, 0, d.length);
        view.setSequenceNumber((int) ((seqAndTsShift + i) & 0xFFFF));
        view.setTimestamp((seqAndTsShift + i) * frameTs);
        if (i % 50 != 49) {
            buffer.offer(view);
        }
        now += 20_000_000L;
        buffer.poll(out, 0);
        if (++next == PACKETS) {
            next = 0;
            cycle++;
        }
        return out[0];
    }
}
