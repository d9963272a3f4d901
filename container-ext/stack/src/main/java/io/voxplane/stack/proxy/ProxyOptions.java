package io.voxplane.stack.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * How one request is proxied.
 *
 * @param forking       parallel or sequential (RFC 3261 s16.6, s16.7)
 * @param recordRoute   insert this proxy's Record-Route ({@code lr}) so it stays on the dialog's
 *                      path (s16.6 step 4)
 * @param branchTimeout a branch with no final response after this long is cancelled and counts
 *                      as 408 (sequential forking then moves on); null for none. Plays the role
 *                      of Timer C (s16.8) when set to more than 3 minutes.
 */
public record ProxyOptions(ForkingMode forking, boolean recordRoute, Duration branchTimeout) {

    public ProxyOptions {
        Objects.requireNonNull(forking, "forking");
        if (branchTimeout != null && (branchTimeout.isNegative() || branchTimeout.isZero())) {
            throw new IllegalArgumentException("branch timeout must be positive: " + branchTimeout);
        }
    }

    /** Parallel forking with record-routing, no branch timer. */
    public static ProxyOptions parallel() {
        return new ProxyOptions(ForkingMode.PARALLEL, true, null);
    }

    /** Sequential forking with record-routing and the given branch timer (null for none). */
    public static ProxyOptions sequential(Duration branchTimeout) {
        return new ProxyOptions(ForkingMode.SEQUENTIAL, true, branchTimeout);
    }

    public ProxyOptions withRecordRoute(boolean value) {
        return new ProxyOptions(forking, value, branchTimeout);
    }

    public ProxyOptions withBranchTimeout(Duration value) {
        return new ProxyOptions(forking, recordRoute, value);
    }
}
