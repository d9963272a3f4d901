package io.voxplane.media.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.CountingThreadFactory;
import io.voxplane.media.TestPeer;
import io.voxplane.media.VirtualScheduler;
import io.voxplane.media.rtp.IoMechanism;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/** A media transport on real loopback sockets with virtual timers, and a listener that records. */
@Timeout(60)
abstract class SessionFixture {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final int DTMF_PT = 101;

    VirtualScheduler time;
    CountingThreadFactory threads;
    MediaTransport transport;
    final Recorder events = new Recorder();

    MediaConfig config() {
        return MediaConfig.defaults().withPorts(47000, 47999).withEventLoopThreads(2);
    }

    @BeforeEach
    void startTransport() {
        time = new VirtualScheduler();
        threads = new CountingThreadFactory("media-test");
        transport = MediaTransport.start(threads, time, config(), time, IoMechanism.best());
    }

    @AfterEach
    void stopTransport() throws InterruptedException {
        assertTrue(transport.stop(Duration.ofSeconds(10)));
        assertTrue(threads.aliveAfterJoin(5000) == 0, "no event loop thread left");
    }

    /** Waits (bounded) until the session has received {@code n} valid RTP packets. */
    static void awaitReceived(MediaSession s, long n) {
        assertTrue(TestPeer.await(() -> s.statistics().packetsReceived() >= n, 5000),
                "session received " + s.statistics().packetsReceived() + " of " + n);
    }

    /** What a listener heard. */
    static final class Recorder implements MediaSessionListener {
        final StringBuffer digits = new StringBuffer();
        final List<MediaStatistics> reports = new CopyOnWriteArrayList<>();
        final List<MediaStatistics> lastReports = new CopyOnWriteArrayList<>();
        final ConcurrentLinkedQueue<Long> inactivity = new ConcurrentLinkedQueue<>();
        final List<FunctionOutcome> finished = new CopyOnWriteArrayList<>();

        @Override
        public void onDigit(MediaSession session, char digit) {
            digits.append(digit);
        }

        @Override
        public void onQualityReport(MediaSession session, MediaStatistics statistics, boolean last) {
            (last ? lastReports : reports).add(statistics);
        }

        @Override
        public void onInactivity(MediaSession session, long idleNanos) {
            inactivity.add(idleNanos);
        }

        @Override
        public void onFunctionFinished(MediaSession session, FunctionOutcome outcome) {
            finished.add(outcome);
        }
    }
}
