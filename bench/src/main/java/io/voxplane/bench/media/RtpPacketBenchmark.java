package io.voxplane.bench.media;

import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.RtpPacketWriter;
import io.voxplane.media.rtp.RtpSourceStatistics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-packet work of an RTP echo without the socket: parse and validate a 172-byte PCMU
 * packet, account it in the receive statistics (sequence, jitter), rewrite SSRC/sequence/timestamp
 * in place for the reply. Score: ns per packet; the echo target is 100,000 packets/s per core,
 * i.e. 10,000 ns for everything including the socket.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RtpPacketBenchmark {

    private final byte[] datagram = new byte[172];
    private final RtpPacket view = new RtpPacket();
    private long now;
    private RtpSourceStatistics stats;
    private int seq;

    @Setup
    public void setUp() {
        new RtpPacketWriter().payloadType(0).ssrc(1234).write(new byte[160], 0, 160, datagram, 0);
        stats = new RtpSourceStatistics(() -> now, 8000);
    }

    @Benchmark
    public long parseAccountAndRewrite() {
        int s = seq++;
        datagram[2] = (byte) (s >>> 8);
        datagram[3] = (byte) s;
        long ts = 160L * s;
        datagram[4] = (byte) (ts >>> 24);
        datagram[5] = (byte) (ts >>> 16);
        datagram[6] = (byte) (ts >>> 8);
        datagram[7] = (byte) ts;
        now += 20_000_000L;
        if (view.wrap(datagram, 0, datagram.length) != null) {
            return -1;
        }
        stats.onPacket(view);
        view.setSsrc(0x5678);
        view.setSequenceNumber(s + 1000);
        view.setTimestamp(ts + 4242);
        return view.timestamp();
    }
}
