package io.voxplane.stack.proxy;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of one response context one at a time, in the order they were submitted, on
 * the threads that submit them (transport and timer threads), without a thread of its own.
 *
 * <p>The first submitter drains the queue; a task submitted while another runs (from another
 * thread, or re-entrantly from the running task) is queued and run by the draining thread right
 * after. So the proxy core never holds a lock while it calls the transaction layer, every send of
 * one context is made by one thread at a time in event order, and a transport that fails a send
 * inline cannot re-enter a half-updated context. Never blocks.
 */
public final class SerialMailbox {

    private static final System.Logger LOG = System.getLogger(SerialMailbox.class.getName());

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    /** Runs {@code task} now if nothing of this mailbox runs, else after what is queued. */
    public void execute(Runnable task) {
        queue.add(task);
        if (pending.getAndIncrement() != 0) {
            return;
        }
        do {
            Runnable next = queue.poll();
            try {
                next.run();
            } catch (RuntimeException failure) {
                // one failing event must not stop the events behind it
                LOG.log(System.Logger.Level.ERROR, ProxyException.INTERNAL + " proxy task failed", failure);
            }
        } while (pending.decrementAndGet() != 0);
    }
}
