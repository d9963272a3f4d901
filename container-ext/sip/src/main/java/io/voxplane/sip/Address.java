package io.voxplane.sip;

import java.util.Objects;
import java.util.Optional;

/**
 * A name-addr or addr-spec with header parameters, as in From, To, Contact, Route, Record-Route,
 * Reply-To (RFC 3261 s20.10, s20.20, s20.39, s25.1 {@code name-addr}). The display name is unquoted and
 * unescaped (null when absent). The wire form always uses {@code <uri>} so that URI parameters and
 * header parameters cannot be confused (s20.10).
 */
public record Address(String displayName, Uri uri, Parameters parameters) {

    public Address {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** An address with no display name and no parameters. */
    public static Address of(Uri uri) {
        return new Address(null, uri, Parameters.empty());
    }

    /** An address with a display name and no parameters. */
    public static Address of(String displayName, Uri uri) {
        return new Address(displayName, uri, Parameters.empty());
    }

    /** Parses one name-addr or addr-spec with its parameters (s20.10). */
    public static Address parse(String text) throws SipParseException {
        return ValueParser.address(text, SipErrorCode.BAD_ADDRESS);
    }

    /** The {@code tag} parameter (s19.3). */
    public Optional<String> tag() {
        return parameters.get("tag");
    }

    public Address withTag(String tag) {
        return new Address(displayName, uri, parameters.with("tag", tag));
    }

    public Address withParameter(String name, String value) {
        return new Address(displayName, uri, parameters.with(name, value));
    }

    public Address withoutParameter(String name) {
        return new Address(displayName, uri, parameters.without(name));
    }

    public Address withUri(Uri newUri) {
        return new Address(displayName, newUri, parameters);
    }

    /** The {@code expires} Contact parameter in seconds (s20.10), when it is a number. */
    public Optional<Long> expires() {
        String v = parameters.valueOrNull("expires");
        if (v == null || v.isEmpty() || v.length() > 18) {
            return Optional.empty();
        }
        for (int i = 0; i < v.length(); i++) {
            if (!Chars.isDigit(v.charAt(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(v));
    }

    void appendTo(StringBuilder sb) {
        if (displayName != null) {
            ValueParser.appendQuoted(sb, displayName);
            sb.append(' ');
        }
        sb.append('<').append(uri.toString()).append('>');
        parameters.appendTo(sb, ';', ';');
    }

    /** Wire form, e.g. {@code "Alice" <sip:alice@example.com>;tag=1928301774}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        appendTo(sb);
        return sb.toString();
    }
}
