package io.voxplane.media.rtp;

/**
 * Sequence number validation and extension for one source, as in RFC 3550 Appendix A.1, plus
 * the loss counts of A.3. A source is valid after {@link #DEFAULT_MIN_SEQUENTIAL} packets in
 * sequence; a jump of more than {@link #DEFAULT_MAX_DROPOUT} ahead is accepted only when the next
 * packet confirms it (the sender restarted); packets up to {@link #DEFAULT_MAX_MISORDER} behind
 * count as reordered or duplicated.
 *
 * <p>The extended sequence number carries the wrap-around count in its upper bits (cycles of
 * 65,536). Not thread-safe; one per source.
 */
public final class SequenceTracker {

    /** Packets in sequence before a source is valid (A.1 MIN_SEQUENTIAL). */
    public static final int DEFAULT_MIN_SEQUENTIAL = 2;
    /** Largest forward jump taken as loss rather than a restart (A.1 MAX_DROPOUT). */
    public static final int DEFAULT_MAX_DROPOUT = 3000;
    /** Largest backward step taken as reordering rather than a restart (A.1 MAX_MISORDER). */
    public static final int DEFAULT_MAX_MISORDER = 100;

    private static final int SEQ_MOD = 1 << 16;

    /** What one packet's sequence number meant. */
    public enum Result {
        /** Newest packet so far (possibly after a gap, possibly wrapping). */
        IN_ORDER,
        /** Older than the newest: a late (reordered) or duplicated packet, still counted. */
        LATE_OR_DUPLICATE,
        /** The source is not yet validated (A.1 probation); the packet should be dropped. */
        PROBATION,
        /** A large jump not (yet) confirmed: dropped, remembered as a possible restart. */
        JUMP_REJECTED,
        /** A confirmed large jump: the sender restarted and the counters started over. */
        RESTARTED
    }

    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private int badSeq;
    private int probation;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private boolean started;

    /** Feeds the sequence number of the next arriving packet. */
    public Result update(int seq) {
        seq &= 0xFFFF;
        if (!started) {
            init(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = DEFAULT_MIN_SEQUENTIAL;
            started = true;
        }
        int udelta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    init(seq);
                    received++;
                    return Result.IN_ORDER;
                }
            } else {
                probation = DEFAULT_MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return Result.PROBATION;
        } else if (udelta < DEFAULT_MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
            received++;
            return udelta == 0 ? Result.LATE_OR_DUPLICATE : Result.IN_ORDER;
        } else if (udelta <= SEQ_MOD - DEFAULT_MAX_MISORDER) {
            if (seq == badSeq) {
                init(seq);
                received++;
                return Result.RESTARTED;
            }
            badSeq = (seq + 1) & 0xFFFF;
            return Result.JUMP_REJECTED;
        }
        received++;
        return Result.LATE_OR_DUPLICATE;
    }

    private void init(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** True once the source passed probation. */
    public boolean isValid() {
        return started && probation == 0;
    }

    /** The highest sequence number seen, extended with its wrap-around cycles (A.3). */
    public long extendedMax() {
        return cycles + maxSeq;
    }

    /**
     * Extends a 16-bit sequence number near the current maximum (for placing a late packet).
     * Values within half the sequence space behind or ahead are mapped to the nearest cycle.
     */
    public long extend(int seq) {
        long max = extendedMax();
        int delta = (short) ((seq & 0xFFFF) - maxSeq);
        return max + delta;
    }

    /** Packets received and counted (duplicates included, as in A.3). */
    public long received() {
        return received;
    }

    /** Packets expected from the first to the highest sequence number (A.3). */
    public long expected() {
        return isValid() ? extendedMax() - baseSeq + 1 : 0;
    }

    /**
     * Cumulative number of packets lost (A.3), clamped to the 24-bit signed field of a report
     * block. Negative when duplicates outnumber losses.
     */
    public int cumulativeLost() {
        long lost = expected() - received;
        return (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost));
    }

    /**
     * The fraction lost since the previous call, in 1/256 units (A.3), and starts the next
     * interval. Zero when nothing was expected or duplicates made up for the losses.
     */
    public int fractionLostAndReset() {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        expectedPrior = expected;
        long receivedInterval = received - receivedPrior;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        if (expectedInterval == 0 || lostInterval <= 0) {
            return 0;
        }
        return (int) ((lostInterval << 8) / expectedInterval);
    }
}
