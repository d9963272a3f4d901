package io.voxplane.runtime.config;

import io.voxplane.stack.dns.DnsConfig;
import io.voxplane.stack.proxy.ProxyConfig;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transport.TransportType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a Voxplane node reads from configuration, checked once at startup. Every key has a
 * default (the {@code DEFAULT_*} constants here and in {@link TransportConfig} and
 * {@link TransactionConfig}, {@link DnsConfig}); docs/deployment.md lists them all. A value of the wrong form fails
 * with a {@link ConfigurationException} that names the key.
 *
 * <p>Durations are ISO-8601 ({@code PT0.5S}) or a whole number of milliseconds ({@code 500}),
 * which is easier to write in an environment variable.
 *
 * @param transport      listen points and transport limits
 * @param transactions   RFC 3261 timers and the transaction limit
 * @param busMaxInFlight events in flight per bus queue, key {@value #BUS_MAX_IN_FLIGHT}
 * @param stopTimeout    how long a plane may take to stop, key {@value #STOP_TIMEOUT}
 * @param dns            how SIP URIs with host names are resolved (RFC 3263), keys {@code voxplane.dns.*}
 * @param proxyMaxDialogs record-routed dialogs the proxy core tracks to end them at shutdown, key
 *                       {@value #PROXY_MAX_DIALOGS} (default {@link ProxyConfig#DEFAULT_MAX_DIALOGS})
 * @param proxyDialogMaxIdle how long a tracked dialog may see no request before it may be dropped to
 *                       make room, key {@value #PROXY_DIALOG_MAX_IDLE} (default
 *                       {@link ProxyConfig#DEFAULT_DIALOG_MAX_IDLE})
 */
public record VoxplaneSettings(TransportConfig transport, TransactionConfig transactions, int busMaxInFlight,
                               Duration stopTimeout, DnsConfig dns, int proxyMaxDialogs, Duration proxyDialogMaxIdle) {

    public static final String SIP_HOST = "voxplane.sip.host";
    public static final String SIP_PORT = "voxplane.sip.port";
    public static final String SIP_TRANSPORTS = "voxplane.sip.transports";
    public static final String TRANSPORT_LISTEN = "voxplane.transport.listen";
    public static final String EVENT_LOOP_THREADS = "voxplane.transport.event-loop-threads";
    public static final String IO_URING_ENABLED = "voxplane.transport.io-uring.enabled";
    public static final String UDP_REUSE_PORT = "voxplane.transport.udp.reuse-port";
    public static final String UDP_MAX_REQUEST_SIZE = "voxplane.transport.udp.max-request-size";
    public static final String UDP_RECEIVE_BUFFER_SIZE = "voxplane.transport.udp.receive-buffer-size";
    public static final String TCP_IDLE_TIMEOUT = "voxplane.transport.tcp.idle-timeout";
    public static final String TCP_CONNECT_TIMEOUT = "voxplane.transport.tcp.connect-timeout";
    public static final String TCP_MAX_CONNECTIONS = "voxplane.transport.tcp.max-connections";
    public static final String TIMER_T1 = "voxplane.sip.timer.t1";
    public static final String TIMER_T2 = "voxplane.sip.timer.t2";
    public static final String TIMER_T4 = "voxplane.sip.timer.t4";
    public static final String TIMER_D = "voxplane.sip.timer.d";
    public static final String TIMER_TRYING = "voxplane.sip.timer.trying";
    public static final String MAX_TRANSACTIONS = "voxplane.sip.transaction.max";
    public static final String BUS_MAX_IN_FLIGHT = "voxplane.bus.max-in-flight";
    public static final String STOP_TIMEOUT = "voxplane.shutdown.timeout";
    public static final String PROXY_MAX_DIALOGS = "voxplane.proxy.max-dialogs";
    public static final String PROXY_DIALOG_MAX_IDLE = "voxplane.proxy.dialog-max-idle";
    public static final String DNS_SERVERS = "voxplane.dns.servers";
    public static final String DNS_CACHE_TTL = "voxplane.dns.cache-ttl";
    public static final String DNS_NEGATIVE_CACHE_TTL = "voxplane.dns.negative-cache-ttl";
    public static final String DNS_TIMEOUT = "voxplane.dns.timeout";
    public static final String DNS_RETRIES = "voxplane.dns.retries";
    public static final String DNS_CACHE_SIZE = "voxplane.dns.cache-size";

    /**
     * Ten tries per DNS server at most: with the doubling wait that is already 17 minutes at a
     * one-second timeout; more only holds a signaling worker longer. Bound of {@value #DNS_RETRIES}.
     */
    public static final int MAX_DNS_RETRIES = 10;

    /**
     * All IPv4 interfaces: a PBX is reached from the LAN, not only from its own host. Set
     * {@code 127.0.0.1} for a laptop-only node, {@code ::} for IPv6. Key {@value #SIP_HOST}.
     */
    public static final String DEFAULT_SIP_HOST = "0.0.0.0";

    /** The registered SIP port (RFC 3261 s19.1.2). Key {@value #SIP_PORT}. */
    public static final int DEFAULT_SIP_PORT = 5060;

    /**
     * UDP and TCP, both of which RFC 3261 s18 requires of every element. Key
     * {@value #SIP_TRANSPORTS}, a comma-separated list.
     */
    public static final String DEFAULT_SIP_TRANSPORTS = "udp,tcp";

    /**
     * 10,000 events per plane queue: at some 20,000 SIP messages a second per node, half a second
     * of backlog. Past that a request waits longer than T1 (500 ms) and its sender retransmits,
     * so answering 503 at the edge serves callers better than queueing. Key
     * {@value #BUS_MAX_IN_FLIGHT}.
     */
    public static final int DEFAULT_BUS_MAX_IN_FLIGHT = 10_000;

    /**
     * Ten seconds to stop a plane: closing sockets and event loops takes well under a second; the
     * rest is room for in-flight deliveries. Key {@value #STOP_TIMEOUT}.
     */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public VoxplaneSettings {
        Objects.requireNonNull(dns, "dns");
        if (busMaxInFlight < 1) {
            throw new IllegalArgumentException("busMaxInFlight must be positive: " + busMaxInFlight);
        }
        if (proxyMaxDialogs < 0) {
            throw new IllegalArgumentException("proxyMaxDialogs must not be negative: " + proxyMaxDialogs);
        }
        Objects.requireNonNull(proxyDialogMaxIdle, "proxyDialogMaxIdle");
    }

    /** The settings with every default (SIP on 0.0.0.0:5060, UDP and TCP). */
    public static VoxplaneSettings defaults() {
        return from(key -> Optional.empty());
    }

    /**
     * Reads and checks every key.
     *
     * @throws ConfigurationException naming the first key whose value is wrong
     */
    public static VoxplaneSettings from(ConfigLookup config) {
        Reader r = new Reader(config);
        TransportConfig.Builder transport = TransportConfig.builder()
                .eventLoopThreads(r.integer(EVENT_LOOP_THREADS, TransportConfig.DEFAULT_EVENT_LOOP_THREADS, 0, 1024))
                .ioUringEnabled(r.bool(IO_URING_ENABLED, TransportConfig.DEFAULT_IO_URING_ENABLED))
                .udpReusePort(r.bool(UDP_REUSE_PORT, TransportConfig.DEFAULT_UDP_REUSE_PORT))
                .udpMaxRequestSize(r.integer(UDP_MAX_REQUEST_SIZE, TransportConfig.DEFAULT_UDP_MAX_REQUEST_SIZE,
                        1, 65_507))
                .udpReceiveBufferSize(r.integer(UDP_RECEIVE_BUFFER_SIZE,
                        TransportConfig.DEFAULT_UDP_RECEIVE_BUFFER_SIZE, 1, Integer.MAX_VALUE))
                .tcpIdleTimeout(r.duration(TCP_IDLE_TIMEOUT, TransportConfig.DEFAULT_TCP_IDLE_TIMEOUT))
                .tcpConnectTimeout(r.duration(TCP_CONNECT_TIMEOUT, TransportConfig.DEFAULT_TCP_CONNECT_TIMEOUT))
                .maxConnections(r.integer(TCP_MAX_CONNECTIONS, TransportConfig.DEFAULT_MAX_CONNECTIONS, 1,
                        Integer.MAX_VALUE));
        for (ListenPoint point : listenPoints(r)) {
            transport.listen(point);
        }
        Duration t1 = r.duration(TIMER_T1, TransactionConfig.DEFAULT_T1);
        Duration t2 = r.duration(TIMER_T2, TransactionConfig.DEFAULT_T2);
        if (t2.compareTo(t1) < 0) {
            throw new ConfigurationException(TIMER_T2, t2.toString(), "must not be shorter than " + TIMER_T1
                    + " (" + t1 + ")", null);
        }
        TransactionConfig transactions = new TransactionConfig(t1, t2,
                r.duration(TIMER_T4, TransactionConfig.DEFAULT_T4),
                r.duration(TIMER_D, TransactionConfig.DEFAULT_TIMER_D),
                r.durationOrZero(TIMER_TRYING, TransactionConfig.DEFAULT_TRYING_DELAY),
                r.integer(MAX_TRANSACTIONS, TransactionConfig.DEFAULT_MAX_TRANSACTIONS, 1, Integer.MAX_VALUE));
        return new VoxplaneSettings(transport.build(), transactions,
                r.integer(BUS_MAX_IN_FLIGHT, DEFAULT_BUS_MAX_IN_FLIGHT, 1, Integer.MAX_VALUE),
                r.duration(STOP_TIMEOUT, DEFAULT_STOP_TIMEOUT), dns(r),
                r.integer(PROXY_MAX_DIALOGS, ProxyConfig.DEFAULT_MAX_DIALOGS, 0, Integer.MAX_VALUE),
                r.duration(PROXY_DIALOG_MAX_IDLE, ProxyConfig.DEFAULT_DIALOG_MAX_IDLE));
    }

    /** The {@code voxplane.dns.*} keys; {@value #DNS_SERVERS} empty or unset: the system's resolver. */
    private static DnsConfig dns(Reader r) {
        List<InetSocketAddress> servers = new ArrayList<>();
        Optional<String> listed = r.raw(DNS_SERVERS);
        if (listed.isPresent()) {
            for (String item : listed.get().split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                try {
                    servers.add(DnsConfig.parseServer(item));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(DNS_SERVERS, listed.get(),
                            "expected host:port[,...] with IP literal hosts such as 10.0.0.2:53,[::1]:53 ("
                                    + e.getMessage() + ")", e);
                }
            }
        }
        Duration timeout = r.duration(DNS_TIMEOUT, DnsConfig.DEFAULT_TIMEOUT);
        if (timeout.toMillis() < 1) {
            throw new ConfigurationException(DNS_TIMEOUT, timeout.toString(), "expected at least 1 ms", null);
        }
        return new DnsConfig(servers,
                r.durationOrZero(DNS_CACHE_TTL, DnsConfig.DEFAULT_CACHE_TTL),
                r.durationOrZero(DNS_NEGATIVE_CACHE_TTL, DnsConfig.DEFAULT_NEGATIVE_CACHE_TTL),
                timeout,
                r.integer(DNS_RETRIES, DnsConfig.DEFAULT_RETRIES, 1, MAX_DNS_RETRIES),
                r.integer(DNS_CACHE_SIZE, DnsConfig.DEFAULT_MAX_CACHE_ENTRIES, 1, Integer.MAX_VALUE));
    }

    /**
     * {@value #TRANSPORT_LISTEN} when set (a list of {@code transport:host:port}), else one listen
     * point per transport of {@value #SIP_TRANSPORTS} on {@value #SIP_HOST}:{@value #SIP_PORT}.
     */
    private static List<ListenPoint> listenPoints(Reader r) {
        List<ListenPoint> points = new ArrayList<>();
        Optional<String> explicit = r.raw(TRANSPORT_LISTEN);
        if (explicit.isPresent()) {
            for (String item : explicit.get().split(",")) {
                try {
                    points.add(ListenPoint.parse(item.trim()));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(TRANSPORT_LISTEN, explicit.get(),
                            "expected transport:host:port[,...] such as udp:0.0.0.0:5060 (" + e.getMessage() + ")", e);
                }
            }
            return points;
        }
        String host = r.raw(SIP_HOST).orElse(DEFAULT_SIP_HOST);
        InetAddress address;
        try {
            String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (!literal.matches("[0-9a-fA-F.:]+")) {
                throw new UnknownHostException("not an IP literal");
            }
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new ConfigurationException(SIP_HOST, host, "expected an IPv4 or IPv6 address literal", e);
        }
        int port = r.integer(SIP_PORT, DEFAULT_SIP_PORT, 0, 65_535);
        String transports = r.raw(SIP_TRANSPORTS).orElse(DEFAULT_SIP_TRANSPORTS);
        for (String token : transports.split(",")) {
            TransportType type = TransportType.fromToken(token.trim()).orElseThrow(() -> new ConfigurationException(
                    SIP_TRANSPORTS, transports, "expected a comma-separated list of udp, tcp", null));
            if (points.stream().noneMatch(p -> p.transport() == type)) {
                points.add(new ListenPoint(type, new InetSocketAddress(address, port)));
            }
        }
        if (points.isEmpty()) {
            throw new ConfigurationException(SIP_TRANSPORTS, transports, "expected at least one of udp, tcp", null);
        }
        return points;
    }

    /** Typed reads with the key in every error. */
    record Reader(ConfigLookup config) {

        Optional<String> raw(String key) {
            return config.get(key).map(String::trim).filter(v -> !v.isEmpty());
        }

        int integer(String key, int defaultValue, int min, int max) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the expected range
            }
            throw new ConfigurationException(key, value.get(), "expected an integer from " + min + " to " + max, null);
        }

        boolean bool(String key, boolean defaultValue) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            return switch (value.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigurationException(key, value.get(), "expected true or false", null);
            };
        }

        Duration duration(String key, Duration defaultValue) {
            Duration value = durationOrZero(key, defaultValue);
            if (value.isZero()) {
                throw new ConfigurationException(key, raw(key).orElse(""), "expected a positive duration", null);
            }
            return value;
        }

        Duration durationOrZero(String key, Duration defaultValue) {
            Optional<String> value = raw(key);
            if (value.isEmpty()) {
                return defaultValue;
            }
            Duration parsed;
            try {
                parsed = value.get().chars().allMatch(Character::isDigit)
                        ? Duration.ofMillis(Long.parseLong(value.get()))
                        : Duration.parse(value.get());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new ConfigurationException(key, value.get(),
                        "expected an ISO-8601 duration (PT0.5S) or milliseconds (500)", e);
            }
            if (parsed.isNegative()) {
                throw new ConfigurationException(key, value.get(), "expected a duration that is not negative", null);
            }
            return parsed;
        }
    }
}
