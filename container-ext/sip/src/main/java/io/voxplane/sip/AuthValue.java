package io.voxplane.sip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of an Authorization, Proxy-Authorization, WWW-Authenticate or Proxy-Authenticate header
 * field (RFC 3261 s20.7, s20.27, s20.28, s20.44, s22.4; RFC 7616 digest; RFC 7235 token68): an
 * authentication scheme followed by ordered auth-params, or by a single token68 (e.g. Basic).
 * Parameter values are stored unquoted; {@link Param#quoted()} remembers how they were written so
 * that {@link #toString()} reproduces the wire form. Unknown schemes are kept as they are
 * (RFC 4475 s3.3.7).
 *
 * @param scheme     the scheme as written, e.g. {@code Digest}
 * @param parameters auth-params in order (empty for token68 form)
 * @param token68    the token68 credentials, or null
 */
public record AuthValue(String scheme, List<Param> parameters, String token68) {

    /** One auth-param; {@code value} is unquoted and unescaped. */
    public record Param(String name, String value, boolean quoted) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public AuthValue {
        Objects.requireNonNull(scheme, "scheme");
        if (!Chars.isToken(scheme)) {
            throw new IllegalArgumentException("auth scheme must be a token: " + scheme);
        }
        parameters = List.copyOf(parameters);
    }

    /** Parses a challenge or credentials value. */
    public static AuthValue parse(String text) throws SipParseException {
        return ValueParser.auth(text);
    }

    /** Digest scheme with parameters as given (quoted as digest expects: all but algorithm, nc, qop in credentials, stale). */
    public static AuthValue digest(List<Param> params) {
        return new AuthValue("Digest", params, null);
    }

    /** The value of the first auth-param of that name (case-insensitive). */
    public Optional<String> parameter(String name) {
        for (Param p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    public boolean isDigest() {
        return "Digest".equalsIgnoreCase(scheme);
    }

    public Optional<String> realm() {
        return parameter("realm");
    }

    public Optional<String> nonce() {
        return parameter("nonce");
    }

    public Optional<String> username() {
        return parameter("username");
    }

    /** Wire form, e.g. {@code Digest username="bob", realm="atlanta.com", nc=00000001}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(128).append(scheme);
        if (token68 != null) {
            return sb.append(' ').append(token68).toString();
        }
        for (int i = 0; i < parameters.size(); i++) {
            Param p = parameters.get(i);
            sb.append(i == 0 ? " " : ", ").append(p.name()).append('=');
            if (p.quoted()) {
                ValueParser.appendQuoted(sb, p.value());
            } else {
                sb.append(p.value());
            }
        }
        return sb.toString();
    }
}
