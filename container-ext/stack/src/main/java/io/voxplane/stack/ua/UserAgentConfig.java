package io.voxplane.stack.ua;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Via;
import io.voxplane.stack.dialog.DialogRegistry;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.TransportType;
import java.util.Locale;
import java.util.Objects;

/**
 * Who a {@link UserAgent} is on the wire: the host and port it puts in Via sent-by and Contact
 * (RFC 3261 s8.1.1.7, s8.1.1.8), the transport, the user part of its Contact, and the
 * transaction timers.
 *
 * @param host         the advertised host or IP (IPv6 in brackets), key {@code voxplane.sip.ua.host}
 * @param port         the advertised port, key {@code voxplane.sip.ua.port}
 * @param transport    the transport of Via and Contact, key {@code voxplane.sip.ua.transport}
 * @param user         the user part of the Contact URI, key {@code voxplane.sip.ua.user}
 * @param transactions transaction timers and limits
 * @param maxDialogs   the most dialogs at once, key {@code voxplane.sip.dialog.max}
 *                     (default {@link DialogRegistry#DEFAULT_MAX_DIALOGS})
 */
public record UserAgentConfig(String host, int port, TransportType transport, String user, TransactionConfig transactions,
                              int maxDialogs) {

    /** The Contact user part when none is configured. Key {@code voxplane.sip.ua.user}. */
    public static final String DEFAULT_USER = "voxplane";

    public UserAgentConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(transactions, "transactions");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxDialogs < 1) {
            throw new IllegalArgumentException("maxDialogs must be positive: " + maxDialogs);
        }
        if (user == null || user.isBlank()) {
            user = DEFAULT_USER;
        }
    }

    /** The given host, port and transport with the default user and RFC timer values. */
    public static UserAgentConfig of(String host, int port, TransportType transport) {
        return new UserAgentConfig(host, port, transport, DEFAULT_USER, TransactionConfig.defaults(),
                DialogRegistry.DEFAULT_MAX_DIALOGS);
    }

    /** A copy with other transaction settings. */
    public UserAgentConfig withTransactions(TransactionConfig value) {
        return new UserAgentConfig(host, port, transport, user, value, maxDialogs);
    }

    /** A copy with another dialog limit. */
    public UserAgentConfig withMaxDialogs(int value) {
        return new UserAgentConfig(host, port, transport, user, transactions, value);
    }

    /** A top Via for a new request: this UA's sent-by, the branch and {@code rport} (RFC 3581). */
    public Via via(String branch) {
        return Via.of(transport.viaToken(), host, port, branch).withParameter("rport", null);
    }

    /** The Contact this UA puts in dialog-creating requests and responses. */
    public Address contact() {
        SipUri.Builder uri = SipUri.builder().scheme("sip").user(user).host(host).port(port);
        if (transport != TransportType.UDP) {
            uri.parameter("transport", transport.viaToken().toLowerCase(Locale.ROOT));
        }
        return Address.of(uri.build());
    }
}
