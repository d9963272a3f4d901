package io.voxplane.sip.sdp;

import java.util.Objects;

/**
 * The {@code c=} line (RFC 4566 s5.7): {@code nettype addrtype connection-address}. The address is
 * kept as written, with any multicast {@code /ttl/count} suffix; {@link #host()} drops it.
 * {@code IN IP4 0.0.0.0} is the RFC 2543 way to put a call on hold (RFC 3264 s8.4).
 */
public record Connection(String networkType, String addressType, String address) {

    public Connection {
        Objects.requireNonNull(networkType, "networkType");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
    }

    /** {@code IN IP4 address} or {@code IN IP6 address}, chosen by the form of the literal. */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** The address without a multicast {@code /ttl} or {@code /count} suffix. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /** Internet network type with IPv4 or IPv6 addresses: the only ones RTP here can use. */
    public boolean isInternet() {
        return networkType.equalsIgnoreCase("IN")
                && (addressType.equalsIgnoreCase("IP4") || addressType.equalsIgnoreCase("IP6"));
    }

    /** RFC 2543 hold: {@code IN IP4 0.0.0.0}, meaning send neither RTP nor RTCP (RFC 3264 s8.4). */
    public boolean isUnspecified() {
        return addressType.equalsIgnoreCase("IP4") && host().equals("0.0.0.0");
    }

    /** The line's value, without {@code c=}. */
    public String value() {
        return networkType + ' ' + addressType + ' ' + address;
    }
}
