package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded wait for a condition that has no future or latch to wait on (e.g. a counter). */
final class Await {

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(DeliveryQueue.WAIT_SECONDS).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + DeliveryQueue.WAIT_SECONDS + " s: " + what);
            }
            Thread.yield();
        }
    }
}
