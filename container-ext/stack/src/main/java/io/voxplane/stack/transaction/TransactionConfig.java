package io.voxplane.stack.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * Timer values and limits of the transaction layer (RFC 3261 s17, Table 4 in appendix A; RFC 6026
 * timers L and M).
 *
 * <p>Only the base values are configured; every RFC timer is derived from them as the RFC says,
 * so they cannot drift apart. Reliable transports zero the retransmission timers (A, E, G) and
 * the wait timers D, I, J, K (s17.1.1.2, s17.1.2.2, s17.2.1, s17.2.2).
 *
 * @param t1              RTT estimate, key {@code voxplane.sip.timer.t1}
 * @param t2              maximum retransmit interval for non-INVITE requests and INVITE
 *                        responses, key {@code voxplane.sip.timer.t2}
 * @param t4              maximum time a message stays in the network, key {@code voxplane.sip.timer.t4}
 * @param timerD          wait time for response retransmits on unreliable transports, key
 *                        {@code voxplane.sip.timer.d}
 * @param tryingDelay     how long an INVITE server transaction waits for the TU before it sends
 *                        100 Trying itself (s17.2.1), key {@code voxplane.sip.timer.trying}
 * @param maxTransactions the most client plus server transactions alive at once, key
 *                        {@code voxplane.sip.transaction.max}
 */
public record TransactionConfig(Duration t1, Duration t2, Duration t4, Duration timerD, Duration tryingDelay,
                                int maxTransactions) {

    /** RFC 3261 s17.1.1.1 default: an RTT estimate of 500 ms. Key {@code voxplane.sip.timer.t1}. */
    public static final Duration DEFAULT_T1 = Duration.ofMillis(500);

    /** RFC 3261 s17.1.2.2 default: retransmissions cap at 4 s. Key {@code voxplane.sip.timer.t2}. */
    public static final Duration DEFAULT_T2 = Duration.ofSeconds(4);

    /** RFC 3261 s17.1.2.2 default: a message lives at most 5 s in the network. Key {@code voxplane.sip.timer.t4}. */
    public static final Duration DEFAULT_T4 = Duration.ofSeconds(5);

    /** RFC 3261 s17.1.1.2: at least 32 s on unreliable transports. Key {@code voxplane.sip.timer.d}. */
    public static final Duration DEFAULT_TIMER_D = Duration.ofSeconds(32);

    /** RFC 3261 s17.2.1: 100 Trying goes out if the TU has not answered within 200 ms. Key {@code voxplane.sip.timer.trying}. */
    public static final Duration DEFAULT_TRYING_DELAY = Duration.ofMillis(200);

    /**
     * The most live transactions (client plus server). At about 2 KB per transaction with its
     * request, 100,000 bound the layer near 200 MB, and at 64*T1 = 32 s per transaction allow a
     * sustained 3,000 new transactions a second, more than one node of this kind handles. Past it
     * new requests get a stateless 503 and new client requests fail with {@code VXTXN-004}.
     * Key {@code voxplane.sip.transaction.max}.
     */
    public static final int DEFAULT_MAX_TRANSACTIONS = 100_000;

    public TransactionConfig {
        requirePositive(t1, "t1");
        requirePositive(t2, "t2");
        requirePositive(t4, "t4");
        requirePositive(timerD, "timerD");
        Objects.requireNonNull(tryingDelay, "tryingDelay");
        if (tryingDelay.isNegative()) {
            throw new IllegalArgumentException("tryingDelay must not be negative: " + tryingDelay);
        }
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("t2 (" + t2 + ") must not be shorter than t1 (" + t1 + ")");
        }
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions must be positive: " + maxTransactions);
        }
    }

    /** The RFC defaults. */
    public static TransactionConfig defaults() {
        return new TransactionConfig(DEFAULT_T1, DEFAULT_T2, DEFAULT_T4, DEFAULT_TIMER_D, DEFAULT_TRYING_DELAY,
                DEFAULT_MAX_TRANSACTIONS);
    }

    /** A copy with another T1. */
    public TransactionConfig withT1(Duration value) {
        return new TransactionConfig(value, t2.compareTo(value) < 0 ? value : t2, t4, timerD, tryingDelay, maxTransactions);
    }

    /** A copy with another transaction limit. */
    public TransactionConfig withMaxTransactions(int value) {
        return new TransactionConfig(t1, t2, t4, timerD, tryingDelay, value);
    }

    /** 64*T1: timers B, F, H, J (unreliable), L and M. */
    public Duration sixtyFourT1() {
        // not multipliedBy: it goes through BigDecimal, and this runs for every transaction
        return Duration.ofNanos(Math.multiplyExact(t1.toNanos(), 64));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
