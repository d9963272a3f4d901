package io.voxplane.stack.proxy;

import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.sip.Via;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.TargetResolver;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link StatefulProxy}.
 *
 * @param host         this proxy's address as others reach it: Via sent-by, Record-Route host
 *                     (config key {@code voxplane.proxy.host})
 * @param port         its port (config key {@code voxplane.proxy.port})
 * @param transport    the transport of its Record-Route URI (UDP: none, TCP: {@code transport=tcp})
 * @param supported    option tags this proxy supports in Proxy-Require (s16.3 item 6); empty by
 *                     default: any Proxy-Require gets 420
 * @param resolver     turns a branch's next-hop URI into a transport target (RFC 3263 plugs in here)
 * @param transactions the transaction layer's timers and limits
 * @param maxDialogs   how many record-routed dialogs {@link ProxiedDialogs} tracks at once
 *                     (config key {@code voxplane.proxy.max-dialogs}, default {@link #DEFAULT_MAX_DIALOGS})
 * @param dialogMaxIdle how long a tracked dialog may see no request before it may be dropped to
 *                     make room once {@code maxDialogs} are tracked (config key
 *                     {@code voxplane.proxy.dialog-max-idle}, default {@link #DEFAULT_DIALOG_MAX_IDLE})
 */
public record ProxyConfig(String host, int port, TransportType transport, Set<String> supported,
                          TargetResolver resolver, TransactionConfig transactions, int maxDialogs,
                          Duration dialogMaxIdle) {

    /**
     * Record-routed dialogs tracked at once so that shutdown can end them with BYE
     * ({@link ProxiedDialogs}). 100,000: a node taking 1,000 new calls a second with a 100 s average
     * hold time carries 100,000 calls; an entry takes about 1 KB (measured on 50,000 dialogs of
     * parsed, phone-like messages: tags, two addresses and Contacts kept as text, two next hops,
     * counters, the map entry), so a full table holds about 100 MB of a heap that such a node
     * sizes in GB anyway. Past it a call is still proxied, just not tracked (counted in
     * {@link ProxiedDialogs#untrackedOverLimit()}). Key {@code voxplane.proxy.max-dialogs}.
     */
    public static final int DEFAULT_MAX_DIALOGS = 100_000;

    /**
     * A tracked dialog through which no request passed for 12 hours is taken as gone (its peers
     * vanished without a BYE) and dropped when room is needed: Kamailio's dialog module uses the
     * same default lifetime, and a call with RFC 4028 session timers refreshes far more often
     * (every 15 minutes by default). Key {@code voxplane.proxy.dialog-max-idle}.
     */
    public static final Duration DEFAULT_DIALOG_MAX_IDLE = Duration.ofHours(12);

    /**
     * Max-Forwards put on a request that has none (RFC 3261 s16.6 step 3 fixes it at 70; not
     * configurable).
     */
    public static final int DEFAULT_MAX_FORWARDS = 70;

    /** The port a SIP URI without one means (RFC 3261 s19.1.2; not configurable). */
    public static final int DEFAULT_SIP_PORT = 5060;

    public ProxyConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(transactions, "transactions");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        supported = supported == null ? Set.of() : Set.copyOf(supported);
        if (maxDialogs < 0) {
            throw new IllegalArgumentException("maxDialogs must not be negative: " + maxDialogs);
        }
        Objects.requireNonNull(dialogMaxIdle, "dialogMaxIdle");
        if (dialogMaxIdle.isNegative() || dialogMaxIdle.isZero()) {
            throw new IllegalArgumentException("dialogMaxIdle must be positive: " + dialogMaxIdle);
        }
    }

    /** A proxy at host:port that resolves IP-literal URIs only, with default transaction timers. */
    public static ProxyConfig of(String host, int port, TransportType transport) {
        return new ProxyConfig(host, port, transport, Set.of(), TargetResolver.literalOnly(), TransactionConfig.defaults(),
                DEFAULT_MAX_DIALOGS, DEFAULT_DIALOG_MAX_IDLE);
    }

    public ProxyConfig withSupported(Set<String> value) {
        return new ProxyConfig(host, port, transport, value, resolver, transactions, maxDialogs, dialogMaxIdle);
    }

    public ProxyConfig withResolver(TargetResolver value) {
        return new ProxyConfig(host, port, transport, supported, value, transactions, maxDialogs, dialogMaxIdle);
    }

    public ProxyConfig withTransactions(TransactionConfig value) {
        return new ProxyConfig(host, port, transport, supported, resolver, value, maxDialogs, dialogMaxIdle);
    }

    /** With a different dialog tracking limit; 0 tracks none. */
    public ProxyConfig withMaxDialogs(int value) {
        return new ProxyConfig(host, port, transport, supported, resolver, transactions, value, dialogMaxIdle);
    }

    /** With a different idle time after which a tracked dialog may be dropped to make room. */
    public ProxyConfig withDialogMaxIdle(Duration value) {
        return new ProxyConfig(host, port, transport, supported, resolver, transactions, maxDialogs, value);
    }

    /** The URI this proxy puts in Record-Route (s16.6 step 4): {@code sip:host:port;lr}. */
    public SipUri recordRouteUri() {
        SipUri.Builder builder = SipUri.builder().scheme("sip").host(host).port(port);
        if (transport != TransportType.UDP) {
            builder.parameter("transport", transport.viaToken().toLowerCase(Locale.ROOT));
        }
        return builder.parameter("lr", null).build();
    }

    /** The Via this proxy pushes on a request it forwards (s16.6 step 8). */
    public Via via(TransportType over, String branch) {
        return Via.of(over.viaToken(), host, port, branch);
    }

    /**
     * True when {@code uri} names this proxy (s16.4): a SIP URI with this host and port (5060 when
     * absent). Names by DNS alias are not recognised.
     */
    public boolean isSelf(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            return false;
        }
        int uriPort = sip.port() > 0 ? sip.port() : DEFAULT_SIP_PORT;
        return uriPort == port && sip.host().equalsIgnoreCase(host);
    }

    /** True when a Via's sent-by is this proxy's. */
    boolean isSelf(Via via) {
        int viaPort = via.port() > 0 ? via.port() : DEFAULT_SIP_PORT;
        return viaPort == port && via.host().equalsIgnoreCase(host);
    }
}
