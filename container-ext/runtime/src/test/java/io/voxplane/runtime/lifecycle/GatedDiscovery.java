package io.voxplane.runtime.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A discovery provider whose deregistration can wait for the test: once {@link #hold() held}, it
 * keeps the shutdown in its INITIATED phase until {@link #open()} so that the test can probe
 * the node there.
 */
@ApplicationScoped
public class GatedDiscovery implements DiscoveryRegistration {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean held;

    public void hold() {
        held = true;
    }

    public boolean awaitEntered() throws InterruptedException {
        return entered.await(10, TimeUnit.SECONDS);
    }

    public void open() {
        gate.countDown();
    }

    @Override
    public void deregister() {
        entered.countDown();
        if (!held) {
            return;
        }
        try {
            gate.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
