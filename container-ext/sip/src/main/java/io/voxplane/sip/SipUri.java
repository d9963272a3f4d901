package io.voxplane.sip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A SIP or SIPS URI (RFC 3261 s19.1): {@code sip:user:password@host:port;uri-parameters?headers}.
 *
 * <p>The user and password are kept as written (still %-escaped; RFC 4475 s3.1.1.3/4: {@code %00}
 * does not cut them short). An IPv6 host keeps its brackets, e.g. {@code [2001:db8::10]} (RFC 5118).
 * {@link #equals(Object)} implements the comparison rules of s19.1.4.
 */
public final class SipUri implements Uri {

    private final boolean secure;
    private final String user;
    private final String password;
    private final String host;
    private final int port;
    private final Parameters parameters;
    private final Parameters headers;
    private String wire;

    SipUri(boolean secure, String user, String password, String host, int port, Parameters parameters,
           Parameters headers, String wire) {
        this.secure = secure;
        this.user = user;
        this.password = password;
        this.host = host;
        this.port = port;
        this.parameters = parameters;
        this.headers = headers;
        this.wire = wire;
    }

    /** Parses a sip: or sips: URI. */
    public static SipUri parse(String text) throws SipParseException {
        Uri u = Uri.parse(text);
        if (u instanceof SipUri s) {
            return s;
        }
        throw new SipParseException(SipErrorCode.BAD_URI, "not a sip/sips URI: " + text, -1);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this URI's parts. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.secure = secure;
        b.user = user;
        b.password = password;
        b.host = host;
        b.port = port;
        b.parameters = parameters;
        b.headers = headers;
        return b;
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** True for sips. */
    public boolean secure() {
        return secure;
    }

    /** The user part as written (still escaped), or null. */
    public String user() {
        return user;
    }

    /** The password as written, or null. */
    public String password() {
        return password;
    }

    /** The host; IPv6 references keep their brackets. */
    public String host() {
        return host;
    }

    /** The port, or -1 when absent. */
    public int port() {
        return port;
    }

    /** {@code host} or {@code host:port}. */
    public String hostPort() {
        return port < 0 ? host : host + ":" + port;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** URI headers ({@code ?a=b&c=d}); names and values as written (escaped). */
    public Parameters headers() {
        return headers;
    }

    public Optional<String> transport() {
        return parameters.get("transport");
    }

    public boolean lr() {
        return parameters.has("lr");
    }

    public Optional<String> maddr() {
        return parameters.get("maddr");
    }

    /** The user part with %-escapes decoded (as UTF-8), or null. */
    public String decodedUser() {
        return user == null ? null : UriParser.unescape(user);
    }

    public SipUri withParameter(String name, String value) {
        return new SipUri(secure, user, password, host, port, parameters.with(name, value), headers, null);
    }

    public SipUri withoutParameter(String name) {
        Parameters p = parameters.without(name);
        return p == parameters ? this : new SipUri(secure, user, password, host, port, p, headers, null);
    }

    public SipUri withoutHeaders() {
        return headers.isEmpty() ? this
                : new SipUri(secure, user, password, host, port, parameters, Parameters.empty(), null);
    }

    public SipUri withHost(String newHost, int newPort) {
        return new SipUri(secure, user, password, UriParser.checkHost(newHost), newPort, parameters, headers, null);
    }

    @Override
    public String toString() {
        String w = wire;
        if (w == null) {
            StringBuilder sb = new StringBuilder(48);
            sb.append(secure ? "sips:" : "sip:");
            if (user != null) {
                sb.append(user);
                if (password != null) {
                    sb.append(':').append(password);
                }
                sb.append('@');
            }
            sb.append(host);
            if (port >= 0) {
                sb.append(':').append(port);
            }
            parameters.appendTo(sb, ';', ';');
            headers.appendTo(sb, '?', '&');
            w = sb.toString();
            wire = w;
        }
        return w;
    }

    private static final String[] MUST_MATCH = {"user", "ttl", "method", "maddr", "transport"};

    /** RFC 3261 s19.1.4 URI equivalence. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SipUri u)) {
            return false;
        }
        if (secure != u.secure || port != u.port || !host.equalsIgnoreCase(u.host)
                || !Objects.equals(decodedUser(), u.decodedUser())
                || !Objects.equals(password == null ? null : UriParser.unescape(password),
                        u.password == null ? null : UriParser.unescape(u.password))) {
            return false;
        }
        for (String name : MUST_MATCH) {
            String a = parameters.valueOrNull(name);
            String b = u.parameters.valueOrNull(name);
            if (a == null ? b != null : b == null || !UriParser.unescape(a).equalsIgnoreCase(UriParser.unescape(b))) {
                return false;
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            String b = u.parameters.valueOrNull(parameters.nameAt(i));
            if (b != null) {
                String a = parameters.valueAt(i) == null ? "" : parameters.valueAt(i);
                if (!UriParser.unescape(a).equalsIgnoreCase(UriParser.unescape(b))) {
                    return false;
                }
            }
        }
        if (headers.size() != u.headers.size()) {
            return false;
        }
        for (int i = 0; i < headers.size(); i++) {
            String b = u.headers.valueOrNull(headers.nameAt(i));
            String a = headers.valueAt(i) == null ? "" : headers.valueAt(i);
            if (b == null || !UriParser.unescape(a).equals(UriParser.unescape(b))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(secure, decodedUser(), host.toLowerCase(Locale.ROOT), port);
    }

    /** Builds a SIP URI; host is required. */
    public static final class Builder {
        private boolean secure;
        private String user;
        private String password;
        private String host;
        private int port = -1;
        private Parameters parameters = Parameters.empty();
        private Parameters headers = Parameters.empty();

        private Builder() {
        }

        /** {@code sip} or {@code sips}. */
        public Builder scheme(String scheme) {
            if ("sips".equalsIgnoreCase(scheme)) {
                secure = true;
            } else if ("sip".equalsIgnoreCase(scheme)) {
                secure = false;
            } else {
                throw new IllegalArgumentException("SIP URI scheme must be sip or sips: " + scheme);
            }
            return this;
        }

        public Builder secure(boolean value) {
            secure = value;
            return this;
        }

        /** The user part, already escaped as it should appear on the wire; null for none. */
        public Builder user(String value) {
            user = value == null || value.isEmpty() ? null : value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        /** Host name, IPv4 address or IPv6 reference; a bare IPv6 address gets brackets added. */
        public Builder host(String value) {
            host = UriParser.checkHost(value);
            return this;
        }

        public Builder port(int value) {
            if (value < -1 || value > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            port = value;
            return this;
        }

        /** Adds or replaces a URI parameter; null value = flag such as {@code lr}. */
        public Builder parameter(String name, String value) {
            parameters = parameters.with(name, value);
            return this;
        }

        /** Adds or replaces a URI header ({@code ?name=value}); the value must already be escaped. */
        public Builder header(String name, String value) {
            headers = headers.with(name, value == null ? "" : value);
            return this;
        }

        public SipUri build() {
            if (host == null) {
                throw new IllegalStateException("SIP URI needs a host");
            }
            if (password != null && user == null) {
                throw new IllegalStateException("SIP URI password without user");
            }
            return new SipUri(secure, user, password, host, port, parameters, headers, null);
        }
    }
}
