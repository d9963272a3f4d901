package io.voxplane.sip;

import java.util.Objects;

/**
 * One header field as received (RFC 3261 s7.3): the name as written (long or compact form, any case)
 * and the value with folding (s7.3.1) replaced by a single space and surrounding whitespace trimmed.
 */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Whether this field has the given name, comparing long and compact forms case-insensitively. */
    public boolean is(String otherName) {
        return HeaderNames.same(name, otherName);
    }
}
