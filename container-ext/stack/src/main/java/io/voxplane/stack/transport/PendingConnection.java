package io.voxplane.stack.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * An outgoing TCP connection being opened, and the sends waiting for it. Waiters run in the order
 * they were added (a CompletableFuture would run its dependents last-in first-out, reordering two
 * requests sent to the same new connection), on the event loop that completes the connect.
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
        }
        waiter.accept(connection, failure);
    }

    void succeed(TcpConnectionHandler connected) {
        finish(connected, null);
    }

    void fail(TransportException cause) {
        finish(null, cause);
    }

    private void finish(TcpConnectionHandler connected, TransportException cause) {
        List<BiConsumer<TcpConnectionHandler, TransportException>> ready;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            connection = connected;
            failure = cause;
            ready = List.copyOf(waiters);
            waiters.clear();
        }
        ready.forEach(w -> w.accept(connected, cause));
    }
}
