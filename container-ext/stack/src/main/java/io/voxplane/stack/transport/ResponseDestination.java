package io.voxplane.stack.transport;

import io.voxplane.sip.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where a response goes when it cannot simply follow its request's connection, from the top Via
 * (RFC 3261 s18.2.2, RFC 3581 s4).
 *
 * <ul>
 *   <li>Unreliable transport: to {@code received} (else the sent-by host) at {@code rport} when
 *       it has a value, else the sent-by port, else 5060.</li>
 *   <li>Reliable transport whose connection is gone: a new connection to {@code received} (else
 *       the sent-by host) at the sent-by port, else 5060.</li>
 * </ul>
 * {@code maddr} (multicast) is not supported: such responses go to {@code received} like any
 * other. A sent-by host name without {@code received} yields empty: RFC 3263 s6 resolution is not
 * done on a transport thread (the transport always adds {@code received} for a host name, so this
 * only happens with Vias it did not stamp).
 */
final class ResponseDestination {

    /** RFC 3261 s19.1.2: the default port of SIP over UDP and TCP. */
    static final int DEFAULT_SIP_PORT = 5060;

    private ResponseDestination() {
    }

    static Optional<InetSocketAddress> unreliable(Via top) {
        int port = top.rport().orElse(top.port() > 0 ? top.port() : DEFAULT_SIP_PORT);
        return host(top).map(ip -> new InetSocketAddress(ip, port));
    }

    static Optional<InetSocketAddress> reliable(Via top) {
        int port = top.port() > 0 ? top.port() : DEFAULT_SIP_PORT;
        return host(top).map(ip -> new InetSocketAddress(ip, port));
    }

    private static Optional<InetAddress> host(Via top) {
        return IpLiterals.parse(top.received().orElse(top.host()));
    }
}
