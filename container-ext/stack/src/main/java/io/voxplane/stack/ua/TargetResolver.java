package io.voxplane.stack.ua;

import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.stack.transport.IpLiterals;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Turns the URI a request is sent to (first Route, else Request-URI: RFC 3261 s8.1.2) into a
 * transport target. {@link #literalOnly()} handles IP literals only and never touches DNS;
 * {@link io.voxplane.stack.dns.DnsTargetResolver} resolves host names per RFC 3263.
 */
@FunctionalInterface
public interface TargetResolver {

    /** Port when the URI has none (RFC 3261 s19.1.2). */
    int DEFAULT_SIP_PORT = 5060;

    /**
     * @throws UserAgentException {@code VXUA-001} when the URI cannot be resolved (no such host,
     *                            no address), {@code VXUA-020} when a DNS lookup got no answer,
     *                            {@code VXUA-021} for {@code sips:} or a transport other than UDP/TCP
     */
    Target resolve(Uri uri);

    /**
     * A resolver for {@code sip:} URIs whose host is an IPv4 or bracketed IPv6 literal, honouring
     * {@code transport=} and {@code maddr}; the transport defaults to UDP and the port to 5060.
     */
    static TargetResolver literalOnly() {
        return uri -> {
            if (!(uri instanceof SipUri sip) || sip.secure()) {
                throw new UserAgentException(UserAgentException.UNRESOLVABLE, "only sip: URIs can be resolved: " + uri);
            }
            String host = sip.maddr().orElse(sip.host());
            TransportType transport = sip.transport().flatMap(TransportType::fromToken).orElse(TransportType.UDP);
            int port = sip.port() > 0 ? sip.port() : DEFAULT_SIP_PORT;
            return new Target(transport, new InetSocketAddress(literal(host, uri), port));
        };
    }

    private static InetAddress literal(String host, Uri uri) {
        if (!IpLiterals.isLiteral(host)) {
            throw new UserAgentException(UserAgentException.UNRESOLVABLE, "host is not an IP literal (no DNS here): " + uri);
        }
        return IpLiterals.parse(host).orElseThrow(() -> new UserAgentException(UserAgentException.UNRESOLVABLE,
                "bad IP literal in " + uri));
    }
}
