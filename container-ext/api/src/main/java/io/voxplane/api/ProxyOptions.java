package io.voxplane.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SipRequest#proxyTo} proxies a request.
 *
 * @param parallel      true: every target at once (RFC 3261 s16.6 parallel forking); false: one
 *                      after the other in the given order
 * @param recordRoute   stay on the dialog's path (Record-Route, s16.6 step 4), e.g. to see the BYE
 * @param branchTimeout a target with no final response after this long is cancelled (408); null
 *                      for none
 */
public record ProxyOptions(boolean parallel, boolean recordRoute, Duration branchTimeout) {

    public ProxyOptions {
        if (branchTimeout != null && (branchTimeout.isZero() || branchTimeout.isNegative())) {
            throw new IllegalArgumentException("branch timeout must be positive: " + branchTimeout);
        }
    }

    /** Parallel forking with record-route, no branch timeout. */
    public static ProxyOptions parallelRecordRoute() {
        return new ProxyOptions(true, true, null);
    }

    /** Sequential forking with record-route and {@code branchTimeout} per target. */
    public static ProxyOptions sequential(Duration branchTimeout) {
        return new ProxyOptions(false, true, Objects.requireNonNull(branchTimeout, "branchTimeout"));
    }
}
