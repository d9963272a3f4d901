package io.voxplane.stack.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where a message travelled: transport, local and remote socket addresses, and for stream
 * transports the connection it came on. A response goes back on the flow of its request
 * (RFC 3261 s18.2.2); for UDP the connection id is 0.
 *
 * @param transport    the transport
 * @param local        the local address of the listener or connection
 * @param remote       the peer's address as seen on the socket (source of a received message)
 * @param connectionId the transport's id of the TCP connection, 0 for UDP
 */
public record Flow(TransportType transport, InetSocketAddress local, InetSocketAddress remote, long connectionId) {
    public Flow {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }
}
