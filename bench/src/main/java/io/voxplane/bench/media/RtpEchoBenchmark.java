package io.voxplane.bench.media;

import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.rtp.RtpPacketWriter;
import io.voxplane.media.session.MediaConfig;
import io.voxplane.media.session.MediaParameters;
import io.voxplane.media.session.MediaSession;
import io.voxplane.media.session.MediaTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RTP echo over real loopback sockets: {@value #SESSIONS} G.711 media sessions with the echo
 * function on one RTP event loop thread; the benchmark thread sends one 172-byte RTP packet to
 * every session (a "round" of {@value #SESSIONS} packets from one client socket) and waits for
 * all echoes. The score is echoes per second (one op = one packet received and one sent). A
 * 20 ms G.711 echo call is 50 packets/s in and 50 out, so 1,000 echo calls are 50,000 echoes/s,
 * i.e. the aim of 100,000 packets/s (in + out) per core.
 *
 * <p>The client and the event loop share the machine, so the score depends on both; the
 * figure that matters is the event loop's own CPU per packet, printed after each iteration as
 * {@code echo-cpu: X ns/echo -> Y echoes/s per core} (thread CPU time of the RTP threads from
 * {@link ThreadMXBean}, divided by echoes; packets/s per core in + out is twice that). Lost echoes (none expected on loopback) are
 * printed too.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class RtpEchoBenchmark {

    /** Sessions per round; each gets one packet per round. */
    static final int SESSIONS = 100;
    private static final long ROUND_TIMEOUT_NANOS = 200_000_000L;

    /** RTP event loop threads: 1 measures one core. */
    @Param({"1"})
    public int loops;

    private final List<Thread> rtpThreads = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timers;
    private MediaTransport transport;
    private final List<MediaSession> sessions = new ArrayList<>();
    private DatagramChannel client;
    private InetSocketAddress[] targets;
    private final ByteBuffer out = ByteBuffer.allocateDirect(2048);
    private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
    private final byte[] packet = new byte[172];
    private final RtpPacketWriter writer = new RtpPacketWriter();
    private int seq;
    private long ts;
    private long echoed;
    private long lost;
    private long cpuAtStart;
    private long echoedAtStart;
    private long lostAtStart;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ThreadFactory named = Thread.ofPlatform().name("rtp-bench-", 0).daemon().factory();
        ThreadFactory threads = r -> {
            Thread t = named.newThread(r);
            rtpThreads.add(t);
            return t;
        };
        timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("rtp-bench-timer-", 0).daemon().factory());
        MediaConfig config = MediaConfig.defaults().withEventLoopThreads(loops).withPorts(30000, 39999);
        transport = MediaTransport.start(threads, timers, config);
        client = DatagramChannel.open();
        client.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        client.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.configureBlocking(false);
        InetSocketAddress me = (InetSocketAddress) client.getLocalAddress();
        targets = new InetSocketAddress[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
            MediaSession s = transport.open(InetAddress.getLoopbackAddress());
            s.configure(MediaParameters.of(me, G711Codec.PCMU, 101));
            s.echo();
            sessions.add(s);
            targets[i] = s.localAddress();
        }
        writer.payloadType(0).ssrc(0x5EED);
    }

    @Setup(Level.Iteration)
    public void markIteration() {
        cpuAtStart = rtpCpuNanos();
        echoedAtStart = echoed;
        lostAtStart = lost;
    }

    @TearDown(Level.Iteration)
    public void reportIteration() {
        long packets = echoed - echoedAtStart;
        long cpu = rtpCpuNanos() - cpuAtStart;
        if (packets > 0) {
            double perPacket = (double) cpu / packets;
            System.out.printf(Locale.ROOT, "%necho-cpu: %.0f ns/echo -> %.0f echoes/s per core = %.0f packets/s in+out (%d echoed, %d lost)%n",
                    perPacket, 1e9 / perPacket, 2e9 / perPacket, packets, lost - lostAtStart);
        }
    }

    private long rtpCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : rtpThreads) {
            long c = mx.getThreadCpuTime(t.threadId());
            if (c > 0) {
                sum += c;
            }
        }
        return sum;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        transport.stop(Duration.ofSeconds(10));
        timers.shutdownNow();
        client.close();
    }

    /** One round: a packet to every session, then every echo back. */
    @Benchmark
    @OperationsPerInvocation(SESSIONS)
    public long echoRound() throws IOException {
        for (int i = 0; i < SESSIONS; i++) {
            int n = writer.sequenceNumber(seq).timestamp(ts).write(packet, 12, 160, packet, 0);
            out.clear();
            out.put(packet, 0, n).flip();
            client.send(out, targets[i]);
        }
        seq++;
        ts += 160;
        int got = 0;
        long deadline = System.nanoTime() + ROUND_TIMEOUT_NANOS;
        while (got < SESSIONS && System.nanoTime() < deadline) {
            in.clear();
            if (client.receive(in) != null) {
                got++;
            } else {
                Thread.onSpinWait();
            }
        }
        echoed += got;
        lost += SESSIONS - got;
        return got;
    }
}
