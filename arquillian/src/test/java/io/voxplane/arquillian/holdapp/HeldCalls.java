package io.voxplane.arquillian.holdapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The calls {@link HoldCallsApplication} holds (ACK received, no BYE yet), and a bounded wait for a count. */
@ApplicationScoped
public class HeldCalls {

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void confirmed(String callId) {
        held.add(callId);
        signal();
    }

    void ended(String callId) {
        held.remove(callId);
        signal();
    }

    /** How many calls are held now. */
    public int count() {
        return held.size();
    }

    /** Waits up to {@code timeout} until at least {@code calls} are held; the count then. */
    public int awaitAtLeast(int calls, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (held.size() < calls && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return held.size();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
