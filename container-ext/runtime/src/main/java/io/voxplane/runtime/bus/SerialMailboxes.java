package io.voxplane.runtime.bus;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Per-key serial execution over a shared executor: tasks given for one key run one at a time in
 * the order given; tasks of different keys run in parallel on the executor's threads.
 *
 * <p>A mailbox exists only while its key has work: it is created by the first task and removed
 * when it runs empty, so idle calls cost nothing. A drain runs at most {@link #DRAIN_BATCH}
 * tasks before it yields its thread to other keys.
 */
final class SerialMailboxes {

    private static final System.Logger LOG = System.getLogger(SerialMailboxes.class.getName());

    /**
     * Tasks one mailbox runs before giving its thread back: long enough to amortise the
     * resubmission, short enough that one busy call cannot starve the others of a 2-thread pool.
     */
    static final int DRAIN_BATCH = 64;

    private final Executor executor;
    private final ConcurrentHashMap<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

    SerialMailboxes(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** An executor that runs its tasks serially under {@code key}. */
    Executor forKey(String key) {
        Objects.requireNonNull(key, "key");
        return task -> execute(key, task);
    }

    /**
     * Queues {@code task} behind earlier tasks of {@code key}.
     *
     * @throws RejectedExecutionException when the executor refuses to start the key's drain
     */
    void execute(String key, Runnable task) {
        Objects.requireNonNull(task, "task");
        while (true) {
            Mailbox box = mailboxes.computeIfAbsent(key, Mailbox::new);
            if (box.offer(task)) {
                return;
            }
            // The box emptied and retired between lookup and offer: take the next one.
        }
    }

    /** Keys with work now. */
    int size() {
        return mailboxes.size();
    }

    private final class Mailbox implements Runnable {
        private final String key;
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean scheduled;
        private boolean retired;

        Mailbox(String key) {
            this.key = key;
        }

        boolean offer(Runnable task) {
            boolean start;
            synchronized (this) {
                if (retired) {
                    return false;
                }
                queue.add(task);
                start = !scheduled;
                scheduled = true;
            }
            if (start) {
                try {
                    executor.execute(this);
                } catch (RejectedExecutionException e) {
                    synchronized (this) {
                        queue.remove(task);
                        scheduled = false;
                        retireIfEmpty();
                    }
                    throw e;
                }
            }
            return true;
        }

        @Override
        public void run() {
            for (int i = 0; i < DRAIN_BATCH; i++) {
                Runnable next;
                synchronized (this) {
                    next = queue.poll();
                    if (next == null) {
                        scheduled = false;
                        retireIfEmpty();
                        return;
                    }
                }
                runGuarded(next);
            }
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                // The executor is closing: finish this key here rather than strand its tasks.
                LOG.log(Level.DEBUG, () -> "mailbox " + key + " drains inline: " + e.getMessage());
                run();
            }
        }

        private void retireIfEmpty() {
            if (queue.isEmpty() && !scheduled) {
                retired = true;
                mailboxes.remove(key, this);
            }
        }

        private void runGuarded(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "VXBUS-002 task of session " + key + " failed", e);
            }
        }
    }
}
