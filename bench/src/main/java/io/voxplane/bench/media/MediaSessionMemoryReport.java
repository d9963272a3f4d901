package io.voxplane.bench.media;

import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.G722Codec;
import io.voxplane.media.session.MediaConfig;
import io.voxplane.media.session.MediaParameters;
import io.voxplane.media.session.MediaSession;
import io.voxplane.media.session.MediaTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Retained heap per media call: opens {@code N} sessions (default 1,000) on loopback, configures
 * them and starts a function, then measures used heap after repeated {@link System#gc()} against
 * the same measurement before, and prints {@code media-memory mode=... sessions=N bytes-per-session=B}.
 * Modes: {@code echo} (PCMU, no jitter buffer), {@code record-pcmu} and {@code record-g722}
 * (jitter buffer, decoder and a WAV file writer per session; files go to a temporary directory
 * and are deleted). Heap only: socket buffers live in the kernel and Netty's pooled direct
 * buffers are shared. Run:
 * {@code java -cp bench/target/benchmarks.jar io.voxplane.bench.media.MediaSessionMemoryReport [N]}.
 */
public final class MediaSessionMemoryReport {

    private MediaSessionMemoryReport() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        for (String mode : new String[] {"echo", "record-pcmu", "record-g722"}) {
            measure(mode, n);
        }
    }

    private static void measure(String mode, int n) throws IOException, InterruptedException {
        ScheduledExecutorService timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("rtp-mem-timer-", 0).daemon().factory());
        MediaTransport transport = MediaTransport.start(Thread.ofPlatform().name("rtp-mem-", 0).daemon().factory(), timers, MediaConfig.defaults().withEventLoopThreads(1).withPorts(30000, 39999));
        Path dir = Files.createTempDirectory("voxplane-mem");
        InetSocketAddress peer = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
        // one session first, so class loading and Netty's shared pools are not counted
        List<MediaSession> sessions = new ArrayList<>(n);
        start(transport, mode, peer, dir, -1).close();
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            sessions.add(start(transport, mode, peer, dir, i));
        }
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "media-memory mode=%s sessions=%d bytes-per-session=%d%n", mode, n,
                (after - before) / n);
        transport.stop(Duration.ofSeconds(10));
        timers.shutdownNow();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
        if (sessions.size() != n) {
            throw new IllegalStateException();
        }
    }

    private static MediaSession start(MediaTransport transport, String mode, InetSocketAddress peer, Path dir, int i) {
        MediaSession s = transport.open(InetAddress.getLoopbackAddress());
        switch (mode) {
            case "echo" -> s.configure(MediaParameters.of(peer, G711Codec.PCMU, 101)).echo();
            case "record-pcmu" -> s.configure(MediaParameters.of(peer, G711Codec.PCMU, 101))
                    .record(dir.resolve("r" + i + ".wav"));
            case "record-g722" -> s.configure(MediaParameters.of(peer, G722Codec.INSTANCE, 101))
                    .record(dir.resolve("r" + i + ".wav"));
            default -> throw new IllegalArgumentException(mode);
        }
        return s;
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
