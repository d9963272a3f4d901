package io.voxplane.stack.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * One socket the transport layer listens on: a transport and a local address. Port 0 asks the
 * operating system for a free port; {@link SipTransportLayer#boundListenPoints()} tells which it got.
 *
 * <p>Written in configuration as {@code udp:127.0.0.1:5060} or {@code tcp:[::1]:5060}
 * (see {@link #parse(String)}), the form {@link #toString()} gives back.
 *
 * @param transport the transport
 * @param address   a resolved local address (IP literal, or the wildcard address)
 */
public record ListenPoint(TransportType transport, InetSocketAddress address) {

    public ListenPoint {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("listen address must be an IP literal, got " + address);
        }
    }

    /**
     * The host as it stands in a Via sent-by or a SIP URI: the IP literal, IPv6 in brackets
     * (RFC 3261 s25.1, RFC 5118), without a zone id.
     */
    public String uriHost() {
        String host = IpLiterals.receivedValue(address.getAddress());
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    public static ListenPoint udp(InetSocketAddress address) {
        return new ListenPoint(TransportType.UDP, address);
    }

    public static ListenPoint tcp(InetSocketAddress address) {
        return new ListenPoint(TransportType.TCP, address);
    }

    /**
     * Reads {@code transport:host:port}, where host is an IPv4 literal or an IPv6 literal in
     * brackets. No name resolution is done.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static ListenPoint parse(String text) {
        int colon = text.indexOf(':');
        int portColon = text.lastIndexOf(':');
        if (colon <= 0 || portColon <= colon) {
            throw new IllegalArgumentException("listen point must be transport:host:port, got '" + text + "'");
        }
        TransportType transport = TransportType.fromToken(text.substring(0, colon))
                .orElseThrow(() -> new IllegalArgumentException("unknown transport in listen point '" + text + "'"));
        String host = text.substring(colon + 1, portColon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!IpLiterals.isLiteral(host)) {
            throw new IllegalArgumentException("listen host must be an IP literal, got '" + host + "'");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(portColon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in listen point '" + text + "'", e);
        }
        try {
            return new ListenPoint(transport, new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address in listen point '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return transport.viaToken().toLowerCase(Locale.ROOT) + ":" + IpLiterals.hostPort(address);
    }
}
