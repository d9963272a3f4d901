package io.voxplane.media.jitter;

import io.voxplane.media.NanoClock;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioDecoder;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.TimestampUnwrapper;
import java.util.Arrays;

/**
 * Adaptive jitter buffer with packet-loss concealment for one received audio stream, in the
 * spirit of WebRTC's NetEq but much simpler.
 *
 * <p>The receive path {@link #offer offers} RTP packets as they arrive; the playout timer
 * {@link #poll polls} one frame of PCM every frame period. Frames are placed by RTP timestamp,
 * so reordering is absorbed; a missing frame at playout time is concealed
 * ({@link PacketLossConcealer}); a packet that comes after its playout time is counted late.
 *
 * <p>Adaptation: every packet's delay relative to the fastest recent packet is entered into a
 * histogram (in frames, with exponential forgetting, about 4 s memory); the target delay is its
 * 95th percentile plus one frame, clamped to the configured bounds. The buffer grows towards the
 * target by concealment (it starts playout only once the target is buffered; when it runs dry it
 * plays concealment while holding the playout point, and resumes at the first frame that then
 * arrives, so a sender pause is not mistaken for loss) and shrinks by dropping one frame at a time
 * when it holds two or more frames above target, at most once every
 * {@link #ACCELERATE_INTERVAL_FRAMES} frames: a quiet frame ({@link #QUIET_RMS}) is dropped at
 * once, a loud one only when the excess reaches {@link #URGENT_EXCESS_FRAMES} or has lasted
 * {@link #PATIENCE_FRAMES}. The dropped frame is
 * still decoded (a stateful decoder such as G.722 stays in step) and cross-faded into the next over
 * {@link PacketLossConcealer#MERGE_MILLIS} ms; a WSOLA time-scale modification would hide it
 * better and is left for later.
 *
 * <p>Only packets of the audio payload type belong here; the caller separates telephone-events
 * (RFC 4733) and comfort noise by payload type. A new SSRC, a timestamp jump beyond the capacity in
 * either direction, or a timestamp off the frame grid (the sender moved its timestamp base)
 * restarts the buffer at that packet ({@link OfferResult#RESYNCED}). Every packet must carry one
 * frame of the configured duration (the negotiated ptime): longer payloads are truncated, shorter
 * ones padded with silence.
 *
 * <p>Memory: one payload slot per frame of capacity (5 KB at the defaults and 64 kbit/s) plus the
 * decoder and concealment state. Not thread-safe: offer and poll must run on one thread (the
 * stream's event loop) or be externally serialised.
 */
public final class JitterBuffer {

    /** Minimum frames between two accelerations, so drops are spread out. */
    public static final int ACCELERATE_INTERVAL_FRAMES = 5;
    /** Frames above target from which a frame is dropped even when it is not quiet. */
    public static final int URGENT_EXCESS_FRAMES = 4;
    /** RMS below which a frame counts as quiet and is dropped first (about -40 dBFS). */
    public static final int QUIET_RMS = 330;
    /** Frames spent two or more above target after which a loud frame is dropped anyway (1 s at 20 ms). */
    public static final int PATIENCE_FRAMES = 50;
    private static final int HISTOGRAM_BUCKETS = 64;
    private static final double FORGET = 0.995;
    private static final double QUANTILE = 0.95;
    private static final int MIN_EPOCH_PACKETS = 250;

    /** What happened to an offered packet. */
    public enum OfferResult {
        /** Stored for playout. */
        ACCEPTED,
        /** The same timestamp is already stored. */
        DUPLICATE,
        /** Its playout time has passed; dropped. */
        LATE,
        /** Too far ahead: the buffer was cleared and restarted at this packet. */
        RESYNCED
    }

    /** What one poll produced. */
    public enum PlayoutResult {
        /** Decoded audio. */
        NORMAL,
        /** Concealment for a missing frame. */
        EXPANDED,
        /** Decoded audio, after one frame was dropped to reduce delay. */
        ACCELERATED,
        /** Silence while the buffer fills before playout starts. */
        BUFFERING
    }

    private final JitterBufferConfig config;
    private final NanoClock clock;
    private final AudioDecoder decoder;
    private final PacketLossConcealer concealer;
    private final int frameSamples;
    private final int frameTs;
    private final int frameBytes;
    private final long frameMicros;
    private final int capacity;
    private final byte[][] payload;
    private final int[] payloadLength;
    private final long[] slotTs;
    private final TimestampUnwrapper unwrapper = new TimestampUnwrapper();
    private final double[] histogram = new double[HISTOGRAM_BUCKETS];
    private final short[] scratch;
    private final int fadeSamples;

    private boolean started;
    private boolean buffering = true;
    private long playoutTs;
    private long newestTs;
    private int targetFrames;
    private int framesSinceAccelerate;
    private boolean dry;
    private int framesAboveTarget;
    private long minRelative = Long.MAX_VALUE;
    private long epochMinRelative = Long.MAX_VALUE;
    private int epochPackets;
    private long firstSeq;
    private long highestSeq;

    private long received;
    private long ssrc;
    private long sourceReceived;
    private long sourceDuplicates;
    private long lostCarry;
    private long played;
    private long expanded;
    private long accelerated;
    private long late;
    private long duplicates;
    private long reordered;
    private long resyncs;

    public JitterBuffer(JitterBufferConfig config, NanoClock clock) {
        this.config = config;
        this.clock = clock;
        AudioCodec codec = config.codec();
        this.decoder = codec.newDecoder();
        this.concealer = new PacketLossConcealer(codec.sampleRate());
        this.frameSamples = codec.samplesPerFrame(config.frameMillis());
        this.frameTs = codec.rtpTimestampIncrement(frameSamples);
        this.frameBytes = codec.encodedLength(frameSamples);
        this.frameMicros = config.frameMillis() * 1000L;
        this.capacity = config.capacityFrames();
        this.payload = new byte[capacity][frameBytes];
        this.payloadLength = new int[capacity];
        this.slotTs = new long[capacity];
        this.scratch = new short[frameSamples];
        this.fadeSamples = codec.sampleRate() * PacketLossConcealer.MERGE_MILLIS / 1000;
        Arrays.fill(slotTs, Long.MIN_VALUE);
        this.targetFrames = framesFor(config.initialDelayMillis());
    }

    private int framesFor(int millis) {
        return (millis + config.frameMillis() - 1) / config.frameMillis();
    }

    /** Samples written by each {@link #poll}. */
    public int frameSamples() {
        return frameSamples;
    }

    /** Takes in one received packet (already validated); the payload is copied, the packet is not kept. */
    public OfferResult offer(RtpPacket packet) {
        long now = clock.nanoTime();
        received++;
        boolean newSource = started && packet.ssrc() != ssrc;
        if (newSource) {
            // a restarted or switched stream: its sequence and timestamp spaces are unrelated
            lostCarry = lostSoFar();
            sourceReceived = 0;
            sourceDuplicates = 0;
            unwrapper.reset();
        }
        ssrc = packet.ssrc();
        sourceReceived++;
        countSequence(packet.sequenceNumber());
        long ts = unwrapper.unwrap(packet.timestamp());
        if (newSource) {
            minRelative = Long.MAX_VALUE;
            epochMinRelative = Long.MAX_VALUE;
            epochPackets = 0;
        }
        updateDelayEstimate(now, ts);
        if (!started) {
            started = true;
            playoutTs = ts;
            newestTs = ts;
        }
        if (ts < playoutTs && !newSource && (playoutTs - ts) / frameTs < capacity) {
            late++;
            return OfferResult.LATE;
        }
        OfferResult result = OfferResult.ACCEPTED;
        if (newSource || ts < playoutTs || (ts - playoutTs) / frameTs >= capacity || (ts - playoutTs) % frameTs != 0) {
            clear();
            playoutTs = ts;
            newestTs = ts;
            buffering = true;
            resyncs++;
            result = OfferResult.RESYNCED;
        }
        int slot = slotOf(ts);
        if (slotTs[slot] == ts) {
            duplicates++;
            sourceDuplicates++;
            return OfferResult.DUPLICATE;
        }
        int n = Math.min(packet.payloadLength(), frameBytes);
        System.arraycopy(packet.buffer(), packet.offset() + packet.payloadOffset(), payload[slot], 0, n);
        payloadLength[slot] = n;
        slotTs[slot] = ts;
        newestTs = Math.max(newestTs, ts);
        return result;
    }

    private void countSequence(int seq) {
        if (sourceReceived == 1) {
            firstSeq = seq;
            highestSeq = seq;
            return;
        }
        long ext = highestSeq + (short) (seq - (int) (highestSeq & 0xFFFF));
        if (ext > highestSeq) {
            highestSeq = ext;
        } else {
            reordered++;
        }
    }

    private void updateDelayEstimate(long nowNanos, long ts) {
        long tsMicros = ts * 1_000_000L / config.codec().rtpClockRate();
        long relative = nowNanos / 1000 - tsMicros;
        epochMinRelative = Math.min(epochMinRelative, relative);
        minRelative = Math.min(minRelative, relative);
        if (++epochPackets == MIN_EPOCH_PACKETS) {
            // forget old minima slowly, so clock drift cannot pin the reference forever
            minRelative = epochMinRelative;
            epochMinRelative = Long.MAX_VALUE;
            epochPackets = 0;
        }
        int bucket = (int) Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, (relative - minRelative) / frameMicros));
        double total = 0;
        for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
            histogram[i] *= FORGET;
            total += histogram[i];
        }
        histogram[bucket] += 1 - FORGET;
        total += 1 - FORGET;
        if (received < 10) {
            return;
        }
        double acc = 0;
        int k = 0;
        for (; k < HISTOGRAM_BUCKETS - 1; k++) {
            acc += histogram[k];
            if (acc >= QUANTILE * total) {
                break;
            }
        }
        int min = framesFor(config.minDelayMillis());
        int max = config.maxDelayMillis() / config.frameMillis();
        targetFrames = Math.max(min, Math.min(max, k + 1));
    }

    private int slotOf(long ts) {
        return (int) Math.floorMod(Math.floorDiv(ts, frameTs), (long) capacity);
    }

    private void clear() {
        Arrays.fill(slotTs, Long.MIN_VALUE);
    }

    private int levelFrames() {
        if (!started || newestTs < playoutTs) {
            return 0;
        }
        return (int) ((newestTs - playoutTs) / frameTs) + 1;
    }

    /**
     * Produces the next frame of playout into {@code out[off, off + frameSamples())}.
     *
     * @return how the frame was made
     */
    public PlayoutResult poll(short[] out, int off) {
        java.util.Objects.checkFromIndexSize(off, frameSamples, out.length);
        if (buffering) {
            if (!started || levelFrames() < targetFrames) {
                Arrays.fill(out, off, off + frameSamples, (short) 0);
                return PlayoutResult.BUFFERING;
            }
            buffering = false;
        }
        PlayoutResult result = PlayoutResult.NORMAL;
        framesSinceAccelerate++;
        if (dry && levelFrames() > 0 && slotTs[slotOf(playoutTs)] != playoutTs) {
            // the sender paused (or a burst was lost): resume at the first frame that came
            playoutTs = earliestBuffered();
        }
        dry = false;
        framesAboveTarget = levelFrames() >= targetFrames + 2 ? framesAboveTarget + 1 : 0;
        boolean wantAccelerate = framesAboveTarget > 0
                && framesSinceAccelerate >= ACCELERATE_INTERVAL_FRAMES
                && slotTs[slotOf(playoutTs + frameTs)] == playoutTs + frameTs;
        int slot = slotOf(playoutTs);
        if (slotTs[slot] == playoutTs) {
            decodeSlot(slot, out, off);
            if (wantAccelerate && (isQuiet(out, off) || levelFrames() >= targetFrames + URGENT_EXCESS_FRAMES
                    || framesAboveTarget >= PATIENCE_FRAMES)) {
                // drop this frame: decode the next one too (keeps a stateful decoder in step) and
                // cross-fade from the dropped frame into it
                playoutTs += frameTs;
                int next = slotOf(playoutTs);
                decodeSlot(next, scratch, 0);
                int fade = Math.min(frameSamples, fadeSamples);
                for (int i = 0; i < frameSamples; i++) {
                    if (i < fade) {
                        int w = (i + 1) * 256 / (fade + 1);
                        out[off + i] = (short) ((out[off + i] * (256 - w) + scratch[i] * w) >> 8);
                    } else {
                        out[off + i] = scratch[i];
                    }
                }
                accelerated++;
                framesSinceAccelerate = 0;
                framesAboveTarget = 0;
                result = PlayoutResult.ACCELERATED;
            }
            concealer.onGoodFrame(out, off, frameSamples);
        } else {
            concealer.conceal(out, off, frameSamples);
            expanded++;
            played++;
            if (levelFrames() == 0) {
                // nothing buffered at all: hold the playout point, the buffer grows by this frame
                dry = true;
                return PlayoutResult.EXPANDED;
            }
            playoutTs += frameTs;
            return PlayoutResult.EXPANDED;
        }
        playoutTs += frameTs;
        played++;
        return result;
    }

    private void decodeSlot(int slot, short[] out, int off) {
        int n = decoder.decode(payload[slot], 0, payloadLength[slot], out, off);
        if (n < frameSamples) {
            Arrays.fill(out, off + n, off + frameSamples, (short) 0);
        }
        slotTs[slot] = Long.MIN_VALUE;
    }

    private boolean isQuiet(short[] pcm, int off) {
        long energy = 0;
        for (int i = 0; i < frameSamples; i++) {
            energy += pcm[off + i] * pcm[off + i];
        }
        return energy < (long) QUIET_RMS * QUIET_RMS * frameSamples;
    }

    private long earliestBuffered() {
        long earliest = Long.MAX_VALUE;
        for (long ts : slotTs) {
            if (ts >= playoutTs && ts < earliest) {
                earliest = ts;
            }
        }
        return earliest == Long.MAX_VALUE ? playoutTs : earliest;
    }

    private long lostSoFar() {
        long expected = sourceReceived == 0 ? 0 : highestSeq - firstSeq + 1;
        return lostCarry + Math.max(0, expected - (sourceReceived - sourceDuplicates));
    }

    /** Counters and delays now. */
    public JitterBufferStatistics statistics() {
        long lost = lostSoFar();
        return new JitterBufferStatistics(levelFrames() * config.frameMillis(), targetFrames * config.frameMillis(),
                received, played, expanded, accelerated, late, lost, duplicates, reordered, resyncs);
    }
}
