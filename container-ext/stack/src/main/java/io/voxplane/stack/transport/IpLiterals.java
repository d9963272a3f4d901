package io.voxplane.stack.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals as SIP writes them (RFC 3261 s25.1 {@code IPv4address}, {@code IPv6reference};
 * RFC 5118 s4.5 for {@code received} with or without brackets). Never does a name lookup: a
 * transport thread must not block on DNS.
 */
final class IpLiterals {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiterals() {
    }

    /** True when the host (brackets allowed around IPv6) is an IPv4 or IPv6 literal. */
    static boolean isLiteral(String host) {
        String bare = stripBrackets(host);
        return IPV4.matcher(bare).matches() || IPV6.matcher(bare).matches();
    }

    /** The address a literal host names, or empty for a host name or a malformed literal. */
    static Optional<InetAddress> parse(String host) {
        if (host == null || !isLiteral(host)) {
            return Optional.empty();
        }
        try {
            // getByName does no lookup for a literal, which isLiteral has checked.
            return Optional.of(InetAddress.getByName(stripBrackets(host)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The address as a {@code received} parameter value: IPv6 without brackets (the RFC 3261
     * grammar) and without a zone id.
     */
    static String receivedValue(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        return zone < 0 ? text : text.substring(0, zone);
    }

    /** {@code host:port} with IPv6 in brackets, for logs and listen point text. */
    static String hostPort(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : receivedValue(ip);
        return (ip instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static String stripBrackets(String host) {
        return host.length() > 1 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']'
                ? host.substring(1, host.length() - 1)
                : host;
    }
}
