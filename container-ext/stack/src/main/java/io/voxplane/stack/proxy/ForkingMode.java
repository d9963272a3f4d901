package io.voxplane.stack.proxy;

/**
 * How a response context tries its target set (RFC 3261 s16.6, s16.7 step 2 "forking").
 */
public enum ForkingMode {
    /** Every target at once. */
    PARALLEL,
    /**
     * One target at a time, highest q-value first (ties in list order); the next one starts when
     * the current branch ends with a non-2xx final response other than 6xx, a timeout or a
     * transport failure, or when its {@link ProxyOptions#branchTimeout()} expires.
     */
    SEQUENTIAL
}
