package io.voxplane.stack.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the {@link DnsTargetResolver}: which servers to ask, how long answers stay cached,
 * and how long a lookup may take. The config keys are read by the runtime (docs/deployment.md).
 *
 * <p>A lookup that gets no answer takes at most {@code servers x timeout x (2^retries - 1)}: the
 * JDK's DNS client waits {@code timeout} for the first try of each server and doubles the wait
 * on each further try.
 *
 * @param servers          DNS servers to ask in order, key {@code voxplane.dns.servers}; empty: the
 *                         system's resolver configuration (/etc/resolv.conf)
 * @param cacheTtl         how long a found record set is reused, key {@code voxplane.dns.cache-ttl}
 * @param negativeCacheTtl how long "no such name" / "no such record" is reused, key
 *                         {@code voxplane.dns.negative-cache-ttl}
 * @param timeout          wait for the first answer of a server, key {@code voxplane.dns.timeout}
 * @param retries          tries per server, key {@code voxplane.dns.retries}
 * @param maxCacheEntries  names and record types cached at most, key {@code voxplane.dns.cache-size}
 */
public record DnsConfig(List<InetSocketAddress> servers, Duration cacheTtl, Duration negativeCacheTtl,
                        Duration timeout, int retries, int maxCacheEntries) {

    /** The DNS port (RFC 1035 s4.2), used for a server given without one. */
    public static final int DNS_PORT = 53;

    /**
     * One minute. The JDK's DNS client (JNDI) does not expose the TTL of the records it returns,
     * so the cache cannot honour them; a minute bounds how long a changed SRV or A record is
     * ignored while a busy node still asks at most once a minute per name. Key
     * {@code voxplane.dns.cache-ttl}.
     */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(60);

    /**
     * Thirty seconds for negative answers (NXDOMAIN, no record of the type). Most hosts have no
     * SRV record, so this entry is hit on nearly every call to a plain host name; RFC 2308 lets
     * resolvers keep negative answers for minutes. Key {@code voxplane.dns.negative-cache-ttl}.
     */
    public static final Duration DEFAULT_NEGATIVE_CACHE_TTL = Duration.ofSeconds(30);

    /**
     * One second for the first try of each server (the JDK's own default). A local resolver
     * answers in milliseconds; a lookup blocks a signaling worker, so waiting longer only holds
     * that worker. Key {@code voxplane.dns.timeout}.
     */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    /**
     * Two tries per server: with the doubling wait a dead server costs 3 seconds, well inside
     * the 32 seconds of INVITE timer B, instead of the 15 seconds of the JDK's default of four
     * tries. Key {@code voxplane.dns.retries}.
     */
    public static final int DEFAULT_RETRIES = 2;

    /**
     * 10,000 cached record sets: a node talks to tens to thousands of trunks and peers; each
     * entry takes a few hundred bytes. Past the bound the least recently used entry goes. Key
     * {@code voxplane.dns.cache-size}.
     */
    public static final int DEFAULT_MAX_CACHE_ENTRIES = 10_000;

    public DnsConfig {
        servers = List.copyOf(Objects.requireNonNull(servers, "servers"));
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(negativeCacheTtl, "negativeCacheTtl");
        Objects.requireNonNull(timeout, "timeout");
        if (cacheTtl.isNegative() || negativeCacheTtl.isNegative()) {
            throw new IllegalArgumentException("cache TTLs must not be negative: " + cacheTtl + ", " + negativeCacheTtl);
        }
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms: " + timeout);
        }
        if (retries < 1) {
            throw new IllegalArgumentException("retries must be at least 1: " + retries);
        }
        if (maxCacheEntries < 1) {
            throw new IllegalArgumentException("maxCacheEntries must be positive: " + maxCacheEntries);
        }
    }

    /** The system's resolver configuration with every default. */
    public static DnsConfig defaults() {
        return new DnsConfig(List.of(), DEFAULT_CACHE_TTL, DEFAULT_NEGATIVE_CACHE_TTL, DEFAULT_TIMEOUT,
                DEFAULT_RETRIES, DEFAULT_MAX_CACHE_ENTRIES);
    }

    public DnsConfig withServers(List<InetSocketAddress> value) {
        return new DnsConfig(value, cacheTtl, negativeCacheTtl, timeout, retries, maxCacheEntries);
    }

    public DnsConfig withCacheTtl(Duration positive, Duration negative) {
        return new DnsConfig(servers, positive, negative, timeout, retries, maxCacheEntries);
    }

    public DnsConfig withTimeout(Duration value, int tries) {
        return new DnsConfig(servers, cacheTtl, negativeCacheTtl, value, tries, maxCacheEntries);
    }

    public DnsConfig withMaxCacheEntries(int value) {
        return new DnsConfig(servers, cacheTtl, negativeCacheTtl, timeout, retries, value);
    }

    /**
     * Parses one server: an IPv4 literal or bracketed IPv6 literal with an optional port
     * ({@code 10.0.0.2}, {@code 10.0.0.2:5353}, {@code [::1]:53}). A name is refused: resolving
     * the DNS server would need DNS.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static InetSocketAddress parseServer(String text) {
        String value = text.trim();
        String host;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in " + value);
            }
            host = value.substring(1, close);
            if (close + 1 < value.length()) {
                if (value.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("expected :port after ] in " + value);
                }
                port = value.substring(close + 2);
            }
        } else {
            int colon = value.indexOf(':');
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
        }
        boolean ipv4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = value.startsWith("[") && host.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("expected an IPv4 or [IPv6] address literal, not '" + host + "'");
        }
        int number = DNS_PORT;
        if (port != null) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65_535) {
                throw new IllegalArgumentException("expected a port from 1 to 65535, not '" + port + "'");
            }
        }
        try {
            // a literal: parsed without any lookup
            return new InetSocketAddress(InetAddress.getByName(host), number);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address literal '" + host + "'", e);
        }
    }
}
