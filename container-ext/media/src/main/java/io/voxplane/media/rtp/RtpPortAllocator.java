package io.voxplane.media.rtp;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import java.util.BitSet;

/**
 * Hands out RTP/RTCP port pairs ({@link RtpPorts}: even RTP port, RTCP on the next) from a
 * configured range and takes them back when a session closes. Allocation goes round the range
 * (the next free pair after the last one handed out), so a port just released is not reused at
 * once and late packets of an ended call do not reach the next one.
 *
 * <p>When every pair is taken, {@link #allocate()} throws a {@link MediaException} with
 * {@link MediaErrorCode#PORTS_EXHAUSTED} ({@code VXMED-001}). Thread-safe.
 */
public final class RtpPortAllocator {

    /** Lowest port of the default range (config {@code voxplane.media.rtp-port-min}): above the usual ephemeral/SIP ports, as Asterisk and FreeSWITCH use. */
    public static final int DEFAULT_PORT_MIN = 20000;
    /** Highest port of the default range (config {@code voxplane.media.rtp-port-max}): 5,000 pairs, so 5,000 concurrent media sessions per address. */
    public static final int DEFAULT_PORT_MAX = 29999;

    private final int min;
    private final int max;
    private final int pairs;
    private final BitSet used;
    private int cursor;
    private int inUse;

    /** The default range {@value #DEFAULT_PORT_MIN}-{@value #DEFAULT_PORT_MAX}. */
    public RtpPortAllocator() {
        this(DEFAULT_PORT_MIN, DEFAULT_PORT_MAX);
    }

    /**
     * @param min lowest usable port (rounded up to even)
     * @param max highest usable port; the last pair must fit, so an even {@code max} is not used for RTP
     */
    public RtpPortAllocator(int min, int max) {
        int first = (min + 1) & ~1;
        if (min < 1 || max > 65535 || first + 1 > max) {
            throw new IllegalArgumentException("RTP port range " + min + "-" + max + " holds no even/odd port pair");
        }
        this.min = first;
        this.max = max;
        this.pairs = (max - first + 1) / 2;
        this.used = new BitSet(pairs);
    }

    /**
     * The next free pair.
     *
     * @throws MediaException {@code VXMED-001} when the range is exhausted
     */
    public synchronized RtpPorts allocate() {
        if (inUse == pairs) {
            throw new MediaException(MediaErrorCode.PORTS_EXHAUSTED,
                    "all " + pairs + " RTP port pairs of " + min + "-" + max + " are in use");
        }
        int i = used.nextClearBit(cursor);
        if (i >= pairs) {
            i = used.nextClearBit(0);
        }
        used.set(i);
        inUse++;
        cursor = (i + 1) % pairs;
        return RtpPorts.of(min + 2 * i);
    }

    /** Returns a pair; releasing a pair that is not allocated (or twice) does nothing. */
    public synchronized void release(RtpPorts ports) {
        int i = (ports.rtp() - min) / 2;
        if (ports.rtp() >= min && i < pairs && used.get(i)) {
            used.clear(i);
            inUse--;
        }
    }

    /** Pairs in the range. */
    public int capacity() {
        return pairs;
    }

    /** Pairs currently allocated. */
    public synchronized int inUse() {
        return inUse;
    }

    /** Lowest RTP port of the range (even). */
    public int min() {
        return min;
    }

    /** Highest port of the range. */
    public int max() {
        return max;
    }
}
