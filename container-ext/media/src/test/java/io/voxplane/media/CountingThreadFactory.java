package io.voxplane.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/** A thread factory that remembers its threads, so a test can check that none is left alive. */
public final class CountingThreadFactory implements ThreadFactory {

    private final String prefix;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public CountingThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + threads.size());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    public int created() {
        return threads.size();
    }

    public long alive() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    /** Waits up to {@code millis} in total for every thread to end. */
    public long aliveAfterJoin(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        for (Thread t : threads) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            t.join(left);
        }
        return alive();
    }
}
