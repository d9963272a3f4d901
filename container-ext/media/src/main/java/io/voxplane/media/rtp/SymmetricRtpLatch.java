package io.voxplane.media.rtp;

import io.voxplane.media.NanoClock;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Symmetric RTP (RFC 4961) latching for peers behind NAT: the address in the SDP is often a
 * private one, so media is sent back to where the peer's packets really come from. The latch
 * starts at the signalled address and moves to the source of {@link #DEFAULT_PACKETS_TO_LATCH}
 * consecutive valid packets from one new address (so one stray or spoofed packet cannot steal
 * the stream). After latching, it only moves again if the latched address has been silent for
 * {@link #DEFAULT_RELATCH_AFTER_NANOS}, per policy.
 *
 * <p>Callers pass only packets that already passed RTP validation (and, with SRTP,
 * authentication). Not thread-safe: owned by the stream's receive path.
 */
public final class SymmetricRtpLatch {

    /** Consecutive packets from one address before latching to it (config {@code voxplane.media.latch.packets}). */
    public static final int DEFAULT_PACKETS_TO_LATCH = 2;
    /** Silence of the latched address after which another may take over: 5 s, longer than a hold re-INVITE exchange (config {@code voxplane.media.latch.relatch-after}). */
    public static final long DEFAULT_RELATCH_AFTER_NANOS = 5_000_000_000L;

    /** When the latch may move. */
    public enum Policy {
        /** Never move: always send to the signalled address (no NAT traversal). */
        DISABLED,
        /** Latch once, then only after the latched address went silent. */
        LATCH_ONCE,
        /** Follow any address that sends the required run of packets (mobile peers). */
        FOLLOW
    }

    private final Policy policy;
    private final int packetsToLatch;
    private final long relatchAfterNanos;
    private final NanoClock clock;
    private InetSocketAddress target;
    private boolean latched;
    private long lastFromTargetNanos;
    private InetSocketAddress candidate;
    private int candidateRun;
    private long moves;

    public SymmetricRtpLatch(InetSocketAddress signalled, Policy policy, NanoClock clock) {
        this(signalled, policy, DEFAULT_PACKETS_TO_LATCH, DEFAULT_RELATCH_AFTER_NANOS, clock);
    }

    public SymmetricRtpLatch(InetSocketAddress signalled, Policy policy, int packetsToLatch, long relatchAfterNanos,
            NanoClock clock) {
        if (packetsToLatch < 1) {
            throw new IllegalArgumentException("packetsToLatch " + packetsToLatch);
        }
        this.target = Objects.requireNonNull(signalled, "signalled");
        this.policy = policy;
        this.packetsToLatch = packetsToLatch;
        this.relatchAfterNanos = relatchAfterNanos;
        this.clock = clock;
        this.lastFromTargetNanos = clock.nanoTime();
    }

    /**
     * Accounts one valid packet from {@code source}.
     *
     * @return true if the send target changed because of it
     */
    public boolean onPacket(InetSocketAddress source) {
        long now = clock.nanoTime();
        if (source.equals(target)) {
            lastFromTargetNanos = now;
            candidate = null;
            candidateRun = 0;
            if (!latched && policy != Policy.DISABLED) {
                latched = true;
            }
            return false;
        }
        if (policy == Policy.DISABLED) {
            return false;
        }
        boolean mayMove = !latched || policy == Policy.FOLLOW || now - lastFromTargetNanos >= relatchAfterNanos;
        if (!mayMove) {
            return false;
        }
        if (source.equals(candidate)) {
            candidateRun++;
        } else {
            candidate = source;
            candidateRun = 1;
        }
        if (candidateRun >= packetsToLatch) {
            target = source;
            latched = true;
            lastFromTargetNanos = now;
            candidate = null;
            candidateRun = 0;
            moves++;
            return true;
        }
        return false;
    }

    /** Where to send media now. */
    public InetSocketAddress target() {
        return target;
    }

    /** True once packets arrived from the target (signalled or learned). */
    public boolean isLatched() {
        return latched;
    }

    /** How often the target moved. */
    public long moves() {
        return moves;
    }
}
