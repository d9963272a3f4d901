package io.voxplane.stack.dns;

import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.stack.transport.IpLiterals;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.TargetResolver;
import io.voxplane.stack.ua.UserAgentException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Resolves {@code sip:} URIs to a transport target as RFC 3263 s4 ("Client Usage") describes,
 * for the transports Voxplane has (UDP, TCP; no TLS):
 * <ol>
 * <li>The target host is the {@code maddr} parameter if there is one, else the URI's host (s4).</li>
 * <li>Transport (s4.1): the {@code transport=} parameter if present; else UDP when the host is an
 * IP literal or a port is given; else the first transport whose SRV query answers, in the
 * order UDP, TCP; else UDP.</li>
 * <li>Address and port (s4.2): an IP literal is used as is (port from the URI, else 5060).
 * With a port in the URI, the host's A record (AAAA when there is no A) with that port. Without
 * a port, SRV {@code _sip._udp.host} / {@code _sip._tcp.host}: the records in RFC 2782 order
 * ({@link SrvSelection}), the first whose target has an address wins, with the record's port.
 * Without SRV records, the host's A/AAAA with port 5060.</li>
 * </ol>
 * IPv4 is preferred: AAAA is asked only when a name has no A record, since listen points
 * default to IPv4 ({@code 0.0.0.0}). One address is returned, the first of the answer.
 *
 * <p><b>Not done.</b> NAPTR (s4.1) is skipped: s4.1 lets a client without NAPTR records do SRV
 * queries for each transport it supports, and with UDP and TCP only there is little for NAPTR
 * to choose; this resolver behaves as if no domain had NAPTR records. Failover to the next SRV
 * target or address when a request times out or the connection fails (s4.3) is not done: the
 * {@link TargetResolver} contract returns one target. {@code sips:} URIs and
 * {@code transport=tls} (or any transport other than UDP and TCP) fail with
 * {@value UserAgentException#UNSUPPORTED_TRANSPORT}.
 *
 * <p><b>Blocking.</b> {@link #resolve} is synchronous, like the interface: it runs on the
 * signaling worker that sends the request. That is acceptable because answers are cached
 * ({@link DnsCache}: a busy node queries each name about once a TTL) and every lookup is bounded
 * by the configured timeout and retries ({@link DnsConfig}). A name that does not exist fails
 * with {@value UserAgentException#UNRESOLVABLE}; a lookup that got no answer (dead server,
 * SERVFAIL) with {@value UserAgentException#DNS_FAILURE}; both messages name the host.
 *
 * <p>Thread-safe.
 */
public final class DnsTargetResolver implements TargetResolver {

    /** The SRV service label of SIP URIs (RFC 3263 s4.1). */
    public static final String SIP_SERVICE = "_sip";

    /** The transports asked for by SRV when the URI names none, in the RFC's order (s4.1). */
    static final List<TransportType> SRV_TRANSPORTS = List.of(TransportType.UDP, TransportType.TCP);

    private final DnsClient dns;
    private final RandomGenerator random;

    /**
     * A resolver over the JDK's DNS client with a cache, as {@code config} says.
     *
     * @throws IllegalStateException when the JDK lacks its DNS provider (module jdk.naming.dns)
     */
    public DnsTargetResolver(DnsConfig config) {
        this(new DnsCache(new JndiDnsClient(config), config, InstantSource.system()), ThreadLocalRandom.current());
    }

    /**
     * @param dns    answers DNS queries; wrap it in a {@link DnsCache} to cache
     * @param random draws the weighted SRV choices (seeded in tests)
     */
    public DnsTargetResolver(DnsClient dns, RandomGenerator random) {
        this.dns = dns;
        this.random = random;
    }

    @Override
    public Target resolve(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            throw new UserAgentException(UserAgentException.UNRESOLVABLE, "only sip: URIs can be resolved: " + uri);
        }
        if (sip.secure()) {
            throw new UserAgentException(UserAgentException.UNSUPPORTED_TRANSPORT,
                    "sips: needs TLS, which Voxplane does not have: " + uri);
        }
        Optional<TransportType> transport = Optional.empty();
        if (sip.transport().isPresent()) {
            String token = sip.transport().get();
            transport = Optional.of(TransportType.fromToken(token).orElseThrow(() -> new UserAgentException(
                    UserAgentException.UNSUPPORTED_TRANSPORT, "transport=" + token + " is not supported (UDP, TCP only): "
                            + uri)));
        }
        String host = sip.maddr().orElse(sip.host());
        Optional<InetAddress> literal = literal(host, uri);
        if (literal.isPresent()) {
            return new Target(transport.orElse(TransportType.UDP),
                    new InetSocketAddress(literal.get(), sip.port() > 0 ? sip.port() : DEFAULT_SIP_PORT));
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (sip.port() > 0) {
            return new Target(transport.orElse(TransportType.UDP), new InetSocketAddress(address(name, uri), sip.port()));
        }
        for (TransportType candidate : transport.map(List::of).orElse(SRV_TRANSPORTS)) {
            String service = SIP_SERVICE + "._" + candidate.viaToken().toLowerCase(Locale.ROOT) + "." + name;
            List<SrvRecord> records = srv(service, name, uri);
            if (!records.isEmpty()) {
                return new Target(candidate, fromSrv(records, service, uri));
            }
        }
        return new Target(transport.orElse(TransportType.UDP), new InetSocketAddress(address(name, uri), DEFAULT_SIP_PORT));
    }

    private List<SrvRecord> srv(String service, String host, Uri uri) {
        DnsAnswer answer = query(service, DnsRecordType.SRV, host, uri);
        List<SrvRecord> records = new ArrayList<>(answer.records().size());
        for (String text : answer.records()) {
            try {
                records.add(SrvRecord.parse(text));
            } catch (IllegalArgumentException malformed) {
                throw new UserAgentException(UserAgentException.DNS_FAILURE, "malformed SRV record of " + service
                        + " for host " + host + " (" + malformed.getMessage() + "), resolving " + uri);
            }
        }
        return records;
    }

    /** The first SRV target, in RFC 2782 order, that has an address. */
    private InetSocketAddress fromSrv(List<SrvRecord> records, String service, Uri uri) {
        for (SrvRecord record : SrvSelection.order(records, random)) {
            if (!record.available()) {
                continue;
            }
            Optional<InetAddress> address = addressIfAny(record.target(), uri);
            if (address.isPresent()) {
                return new InetSocketAddress(address.get(), record.port());
            }
        }
        throw new UserAgentException(UserAgentException.UNRESOLVABLE,
                "no target of SRV " + service + " has an address (A/AAAA), resolving " + uri);
    }

    private InetAddress address(String host, Uri uri) {
        return addressIfAny(host, uri).orElseThrow(() -> new UserAgentException(UserAgentException.UNRESOLVABLE,
                "host " + host + " has no address (no A/AAAA record or no such name), resolving " + uri));
    }

    /** A, else AAAA; empty when the name does not exist or has neither. */
    private Optional<InetAddress> addressIfAny(String host, Uri uri) {
        DnsAnswer v4 = query(host, DnsRecordType.A, host, uri);
        if (!v4.nameExists()) {
            return Optional.empty();
        }
        DnsAnswer answer = v4.isEmpty() ? query(host, DnsRecordType.AAAA, host, uri) : v4;
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        String text = answer.records().get(0);
        try {
            // a record's address text: parsed without any lookup
            if (!text.matches("[0-9A-Fa-f:.]+")) {
                throw new UnknownHostException("not an address");
            }
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException malformed) {
            throw new UserAgentException(UserAgentException.DNS_FAILURE,
                    "malformed address record '" + text + "' for host " + host + ", resolving " + uri);
        }
    }

    private DnsAnswer query(String name, DnsRecordType type, String host, Uri uri) {
        try {
            return dns.query(name, type);
        } catch (DnsLookupException failed) {
            throw new UserAgentException(UserAgentException.DNS_FAILURE,
                    "DNS lookup for host " + host + " failed: " + failed.getMessage() + "; resolving " + uri);
        }
    }

    /** The address of an IPv4 or bracketed IPv6 literal; empty for a name. */
    private static Optional<InetAddress> literal(String host, Uri uri) {
        if (!IpLiterals.isLiteral(host)) {
            return Optional.empty();
        }
        return Optional.of(IpLiterals.parse(host).orElseThrow(() -> new UserAgentException(
                UserAgentException.UNRESOLVABLE, "bad IP literal in " + uri)));
    }
}
