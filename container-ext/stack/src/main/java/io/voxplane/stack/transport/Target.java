package io.voxplane.stack.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where to send a request: a transport and a resolved socket address (RFC 3263 resolution is
 * done before this point).
 */
public record Target(TransportType transport, InetSocketAddress address) {
    public Target {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }
}
