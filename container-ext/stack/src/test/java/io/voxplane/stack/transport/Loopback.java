package io.voxplane.stack.transport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Loopback addresses for tests, and whether IPv6 loopback can be used here. */
final class Loopback {

    private Loopback() {
    }

    static InetAddress ipv4() {
        return address("127.0.0.1");
    }

    static InetAddress ipv6() {
        return address("::1");
    }

    /** True when a socket can bind ::1 (some containers have no IPv6). */
    static boolean ipv6Available() {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(ipv6(), 0))) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code host:port} as a SIP sent-by, IPv6 in brackets. */
    static String sentBy(InetSocketAddress address) {
        return IpLiterals.hostPort(address);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
