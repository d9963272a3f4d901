package io.voxplane.media.jitter;

import io.voxplane.media.VirtualClock;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioEncoder;
import io.voxplane.media.codec.SpeechLikeSignal;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.RtpPacketWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Drives a {@link JitterBuffer} on virtual time: a sender emits one 20 ms speech frame per tick,
 * a seeded random network delays, drops and duplicates them, and the playout polls every 20 ms.
 */
final class NetworkSimulation {

    record Arrival(long atNanos, long order, byte[] datagram) {
    }

    final VirtualClock clock = new VirtualClock(0);
    final AudioCodec codec;
    final JitterBuffer buffer;
    final Random random;
    final List<JitterBuffer.PlayoutResult> results = new ArrayList<>();
    final List<short[]> played = new ArrayList<>();
    final List<Integer> delays = new ArrayList<>();
    final short[] source;
    int baseDelayMillis = 30;
    int jitterMillis;
    double lossProbability;
    double duplicateProbability;
    long sendTimestampOffset = 0xFFFF_F000L; // wraps soon after the start
    int sequenceOffset = 65500; // wraps too
    private final PriorityQueue<Arrival> network = new PriorityQueue<>(
            (a, b) -> a.atNanos != b.atNanos ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.order, b.order));
    private final RtpPacketWriter writer = new RtpPacketWriter().ssrc(0x1234);
    private final AudioEncoder encoder;
    private final RtpPacket view = new RtpPacket();
    private int sent;
    private long order;
    private long tsGap;

    NetworkSimulation(AudioCodec codec, long seed, int seconds) {
        this.codec = codec;
        this.random = new Random(seed);
        this.buffer = new JitterBuffer(JitterBufferConfig.defaults(codec), clock);
        this.encoder = codec.newEncoder();
        this.source = SpeechLikeSignal.generate(codec.sampleRate(), seconds * codec.sampleRate());
        writer.payloadType(codec.payloadType());
    }

    int frameSamples() {
        return codec.samplesPerFrame(20);
    }

    /** Adds a jump to all later timestamps (a sender pause with silence suppression). */
    void pauseSender(int frames) {
        tsGap += (long) frames * codec.rtpTimestampIncrement(frameSamples());
    }

    /** Sends one frame now, subject to loss, jitter and duplication. */
    void sendFrame() {
        int n = frameSamples();
        byte[] encoded = new byte[codec.encodedLength(n)];
        encoder.encode(source, (sent * n) % (source.length - n + 1), n, encoded, 0);
        long ts = sendTimestampOffset + tsGap + (long) sent * codec.rtpTimestampIncrement(n);
        byte[] dgram = new byte[12 + encoded.length];
        writer.sequenceNumber(sequenceOffset + sent).timestamp(ts).marker(sent == 0);
        writer.write(encoded, 0, encoded.length, dgram, 0);
        sent++;
        if (random.nextDouble() < lossProbability) {
            return;
        }
        int copies = random.nextDouble() < duplicateProbability ? 2 : 1;
        for (int c = 0; c < copies; c++) {
            long delay = baseDelayMillis * 1_000_000L + (jitterMillis == 0 ? 0 : (long) (random.nextDouble() * jitterMillis * 1_000_000L));
            network.add(new Arrival(clock.nanoTime() + delay, order++, dgram));
        }
    }

    /** Runs {@code frames} ticks of 20 ms: send, deliver what has arrived, play one frame. */
    void run(int frames, boolean sending) {
        for (int f = 0; f < frames; f++) {
            if (sending) {
                sendFrame();
            }
            long tickEnd = clock.nanoTime() + 20_000_000L;
            // deliver arrivals inside this tick, then poll at the tick's end (10 ms phase)
            while (!network.isEmpty() && network.peek().atNanos() <= tickEnd - 10_000_000L) {
                Arrival a = network.poll();
                clock.advanceNanos(a.atNanos() - clock.nanoTime() > 0 ? a.atNanos() - clock.nanoTime() : 0);
                if (view.wrap(a.datagram(), 0, a.datagram().length) != null) {
                    throw new AssertionError("bad datagram");
                }
                buffer.offer(view);
            }
            clock.advanceNanos(tickEnd - 10_000_000L - clock.nanoTime());
            short[] out = new short[buffer.frameSamples()];
            results.add(buffer.poll(out, 0));
            delays.add(buffer.statistics().currentDelayMillis());
            played.add(out);
            clock.advanceNanos(tickEnd - clock.nanoTime());
        }
    }

    double averageDelay(int fromTick, int toTick) {
        return delays.subList(fromTick, toTick).stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    long count(JitterBuffer.PlayoutResult r) {
        return results.stream().filter(x -> x == r).count();
    }
}
