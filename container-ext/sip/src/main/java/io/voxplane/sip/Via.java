package io.voxplane.sip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Via header field value (RFC 3261 s20.42, s18.2.1 received, RFC 3581 rport):
 * {@code SIP/2.0/transport host[:port] *(;param)}. The transport is upper-cased; the host keeps IPv6
 * brackets (RFC 5118 s4.5); port is -1 when absent.
 */
public record Via(String transport, String host, int port, Parameters parameters) {

    /** The branch prefix that marks an RFC 3261 transaction id (s8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(parameters, "parameters");
        if (transport != "UDP" && transport != "TCP" && transport != "TLS") {
            // the parser hands in these constants; anything else is checked and upper-cased
            if (!Chars.isToken(transport)) {
                throw new IllegalArgumentException("Via transport must be a token: " + transport);
            }
            transport = transport.toUpperCase(Locale.ROOT);
        }
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("Via port out of range: " + port);
        }
    }

    /** A Via with just a branch parameter. */
    public static Via of(String transport, String host, int port, String branch) {
        Parameters p = branch == null ? Parameters.empty() : Parameters.empty().with("branch", branch);
        return new Via(transport, UriParser.checkHost(host), port, p);
    }

    /** Parses one Via value (no comma list). */
    public static Via parse(String text) throws SipParseException {
        java.util.List<Via> l = ValueParser.vias(text);
        if (l.size() != 1) {
            throw new SipParseException(SipErrorCode.BAD_VIA, "expected exactly one Via value", -1);
        }
        return l.get(0);
    }

    public Optional<String> branch() {
        return parameters.get("branch");
    }

    /** True when the branch starts with the magic cookie and has something after it (s8.1.1.7). */
    public boolean hasRfc3261Branch() {
        String b = parameters.valueOrNull("branch");
        return b != null && b.length() > MAGIC_COOKIE.length() && b.startsWith(MAGIC_COOKIE);
    }

    public Optional<String> received() {
        return parameters.get("received");
    }

    /** Whether an {@code rport} parameter is present, with or without value (RFC 3581). */
    public boolean hasRport() {
        return parameters.has("rport");
    }

    /** The rport value when one was filled in. */
    public OptionalInt rport() {
        String v = parameters.valueOrNull("rport");
        if (v == null || v.isEmpty() || v.length() > 5) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < v.length(); i++) {
            if (!Chars.isDigit(v.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(v));
    }

    public Via withReceived(String receivedHost) {
        return withParameter("received", receivedHost);
    }

    public Via withRport(int rportValue) {
        return withParameter("rport", Integer.toString(rportValue));
    }

    public Via withParameter(String name, String value) {
        return new Via(transport, host, port, parameters.with(name, value));
    }

    public Via withoutParameter(String name) {
        return new Via(transport, host, port, parameters.without(name));
    }

    /** {@code host} or {@code host:port}. */
    public String sentBy() {
        return port < 0 ? host : host + ":" + port;
    }

    void appendTo(StringBuilder sb) {
        sb.append("SIP/2.0/").append(transport).append(' ').append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        parameters.appendTo(sb, ';', ';');
    }

    /** Wire form, e.g. {@code SIP/2.0/UDP host:5060;branch=z9hG4bK776asdhds}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        appendTo(sb);
        return sb.toString();
    }
}
