package io.voxplane.stack.transport;

import io.voxplane.sip.Via;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RFC 3261 s18.1.2: a client transport checks that the top Via sent-by of a response names this
 * element, and discards the response otherwise. The sent-by is ours when its port is one a
 * listener is bound to (5060 when absent) and its host is a listener's address, any literal when
 * a listener is bound to the wildcard address, or one of the configured sent-by hosts.
 */
final class SentByMatcher {

    private final Set<Integer> ports;
    private final Set<InetAddress> addresses;
    private final boolean wildcard;
    private final Set<String> names;

    SentByMatcher(List<ListenPoint> bound, List<String> sentByHosts) {
        this.ports = bound.stream().map(p -> p.address().getPort()).collect(Collectors.toUnmodifiableSet());
        this.addresses = bound.stream().map(p -> p.address().getAddress()).collect(Collectors.toUnmodifiableSet());
        this.wildcard = addresses.stream().anyMatch(InetAddress::isAnyLocalAddress);
        this.names = sentByHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    boolean isOurs(Via top) {
        int port = top.port() > 0 ? top.port() : ResponseDestination.DEFAULT_SIP_PORT;
        if (!ports.contains(port)) {
            return false;
        }
        if (names.contains(top.host().toLowerCase(Locale.ROOT))) {
            return true;
        }
        Optional<InetAddress> ip = IpLiterals.parse(top.host());
        return ip.isPresent() && (wildcard || addresses.contains(ip.get()));
    }
}
