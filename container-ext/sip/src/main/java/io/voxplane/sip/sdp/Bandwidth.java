package io.voxplane.sip.sdp;

import java.util.Objects;

/** The {@code b=} line (RFC 4566 s5.8): {@code bwtype:bandwidth}, in kilobits per second for CT and AS. */
public record Bandwidth(String type, long value) {

    public Bandwidth {
        Objects.requireNonNull(type, "type");
        if (value < 0) {
            throw new IllegalArgumentException("negative bandwidth " + value);
        }
    }

    /** The line's value, without {@code b=}. */
    public String text() {
        return type + ':' + value;
    }
}
