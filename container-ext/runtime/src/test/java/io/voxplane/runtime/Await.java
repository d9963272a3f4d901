package io.voxplane.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for conditions that other threads make true. */
public final class Await {

    private Await() {
    }

    /** Spins (yielding) until {@code condition} holds; fails after {@code timeout}. */
    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.yield();
        }
    }
}
