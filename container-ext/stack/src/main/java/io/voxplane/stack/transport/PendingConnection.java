package io.voxplane.stack.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An outgoing TCP connection being opened, and the sends waiting for it.
 *
 * <p>Order: waiters run in the order they were added (a CompletableFuture would run its
 * dependents last-in first-out), and they run under this object's lock. A send that arrives
 * while they run waits for the lock, so its write is queued on the channel after theirs: one
 * sender's messages leave in the order it sent them, whichever thread completes the connect.
 */
final class PendingConnection {

    private final List<BiConsumer<TcpConnectionHandler, TransportException>> waiters = new ArrayList<>();
    private boolean done;
    private TcpConnectionHandler connection;
    private TransportException failure;

    /** Runs {@code waiter} with the connection or the failure, now if the connect is over, else once it is. */
    void whenDone(BiConsumer<TcpConnectionHandler, TransportException> waiter) {
        synchronized (this) {
            if (!done) {
                waiters.add(waiter);
                return;
            }
            if (connection != null) {
                waiter.accept(connection, null);
                return;
            }
        }
        waiter.accept(null, failure);
    }

    /** Runs the waiters with {@code connected}; they only queue writes, so the lock is held briefly. */
    void succeed(TcpConnectionHandler connected) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            connection = connected;
            waiters.forEach(w -> w.accept(connected, null));
            waiters.clear();
        }
    }

    /** Runs the waiters with {@code cause}, outside the lock: a failed send has no order to keep. */
    void fail(TransportException cause) {
        List<BiConsumer<TcpConnectionHandler, TransportException>> ready;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            failure = cause;
            ready = List.copyOf(waiters);
            waiters.clear();
        }
        ready.forEach(w -> w.accept(null, cause));
    }
}
