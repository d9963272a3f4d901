package io.voxplane.stack.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address literals as SIP writes them (RFC 3261 s25.1 {@code IPv4address}, {@code IPv6reference};
 * RFC 5118 s4.5 for {@code received} with or without brackets). Never does a name lookup: a
 * transport thread must not block on DNS.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** True when the host (brackets allowed around IPv6) is an IPv4 or IPv6 literal. */
    public static boolean isLiteral(String host) {
        String bare = stripBrackets(host);
        return isIpv4(bare) || isIpv6Shaped(bare);
    }

    /**
     * RFC 3261 s25.1 {@code IPv4address}: four dot-separated decimal octets 0-255, no leading
     * zeros. Written out rather than as a regular expression: it runs for every response sent.
     */
    static boolean isIpv4(String text) {
        int n = text.length();
        int i = 0;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i >= n || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int start = i;
            int value = 0;
            while (i < n && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return false;
            }
        }
        return i == n;
    }

    /** Hex digits, colons and dots with at least one colon: the shape of an IPv6 literal. */
    private static boolean isIpv6Shaped(String text) {
        boolean colon = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colon = true;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.')) {
                return false;
            }
        }
        return colon;
    }

    /** The address a literal host names, or empty for a host name or a malformed literal. */
    public static Optional<InetAddress> parse(String host) {
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
