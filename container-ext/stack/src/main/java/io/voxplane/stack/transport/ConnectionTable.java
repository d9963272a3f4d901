package io.voxplane.stack.transport;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open TCP connections, accepted and outgoing alike, by connection id (for responses on the
 * request's connection, s18.2.2) and by remote address (for reusing a connection to a target,
 * s18.1.1; the last connection registered for an address wins). Bounded by {@code maxConnections}.
 * Thread-safe.
 */
final class ConnectionTable {

    private final ConcurrentHashMap<Long, TcpConnectionHandler> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, TcpConnectionHandler> byRemote = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final int maxConnections;

    ConnectionTable(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** A fresh connection id, never 0 (0 is the id of UDP flows). */
    long nextId() {
        return lastId.incrementAndGet();
    }

    boolean isFull() {
        return byId.size() >= maxConnections;
    }

    /**
     * Adds a connection; registering the same one again is a no-op.
     *
     * @return {@code true} when the connection is (now or already) in the table, {@code false}
     *     when the table is full
     */
    synchronized boolean register(TcpConnectionHandler connection) {
        if (byId.containsKey(connection.id())) {
            return true;
        }
        if (byId.size() >= maxConnections) {
            return false;
        }
        byId.put(connection.id(), connection);
        byRemote.put(connection.remote(), connection);
        return true;
    }

    /** Removes a connection; returns false when it was not in the table. */
    synchronized boolean unregister(TcpConnectionHandler connection) {
        if (!byId.remove(connection.id(), connection)) {
            return false;
        }
        byRemote.remove(connection.remote(), connection);
        return true;
    }

    /** The open connection with this id, or null. */
    TcpConnectionHandler byId(long id) {
        TcpConnectionHandler c = byId.get(id);
        return c != null && c.channel().isActive() ? c : null;
    }

    /** An open connection to this remote address, or null. */
    TcpConnectionHandler byRemote(InetSocketAddress remote) {
        TcpConnectionHandler c = byRemote.get(remote);
        return c != null && c.channel().isActive() ? c : null;
    }

    int size() {
        return byId.size();
    }

    List<Channel> channels() {
        return byId.values().stream().map(TcpConnectionHandler::channel).toList();
    }
}
