package io.voxplane.sip.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@code a=} line (RFC 4566 s5.13): a property attribute {@code a=name} or a value attribute
 * {@code a=name:value}. Attributes this package does not interpret (ICE, rtcp-mux, crypto, ...)
 * are kept verbatim and written back unchanged.
 *
 * @param name  the attribute name
 * @param value the value after the first colon; empty for a property attribute
 */
public record Attribute(String name, Optional<String> value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** A property attribute such as {@code sendonly}. */
    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    /** A value attribute such as {@code ptime:20}. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    /** Whether this attribute has the given name (case-insensitive). */
    public boolean is(String attributeName) {
        return name.equalsIgnoreCase(attributeName);
    }

    /** The line's value, without {@code a=}. */
    public String text() {
        return value.map(v -> name + ':' + v).orElse(name);
    }
}
