package io.voxplane.sip;

import java.util.Objects;

/**
 * A tel URI (RFC 3966, referenced by RFC 3261 s19.1.6): {@code tel:+1-201-555-0123;phone-context=x}.
 * {@link #number()} is the telephone-subscriber number as written; visual separators are ignored when
 * comparing (RFC 3966 s4).
 */
public final class TelUri implements Uri {

    private final String number;
    private final Parameters parameters;

    TelUri(String number, Parameters parameters) {
        this.number = number;
        this.parameters = parameters;
    }

    /** A tel URI with the given number (e.g. {@code +4930123}) and no parameters. */
    public static TelUri of(String number) {
        if (number == null || number.isEmpty()) {
            throw new IllegalArgumentException("tel number must not be empty");
        }
        return new TelUri(number, Parameters.empty());
    }

    public static TelUri parse(String text) throws SipParseException {
        Uri u = Uri.parse(text);
        if (u instanceof TelUri t) {
            return t;
        }
        throw new SipParseException(SipErrorCode.BAD_URI, "not a tel URI: " + text, -1);
    }

    @Override
    public String scheme() {
        return "tel";
    }

    /** The number as written, with visual separators. */
    public String number() {
        return number;
    }

    /** True for a global number (starts with '+'). */
    public boolean global() {
        return number.startsWith("+");
    }

    public Parameters parameters() {
        return parameters;
    }

    public TelUri withParameter(String name, String value) {
        return new TelUri(number, parameters.with(name, value));
    }

    private static String digitsOnly(String n) {
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c != '-' && c != '.' && c != '(' && c != ')') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "tel:" + number + parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelUri t && digitsOnly(t.number).equals(digitsOnly(number))
                && t.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digitsOnly(number), parameters);
    }
}
