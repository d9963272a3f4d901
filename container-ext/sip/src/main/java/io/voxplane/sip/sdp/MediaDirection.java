package io.voxplane.sip.sdp;

import java.util.Optional;

/**
 * The direction attributes of RFC 4566 s6 ({@code a=sendrecv}, {@code a=sendonly},
 * {@code a=recvonly}, {@code a=inactive}), always from the point of view of the side that wrote the
 * SDP. At session level it is the default for every m= section; a media-level one overrides it;
 * with neither, the stream is sendrecv (RFC 3264 s5.1).
 */
public enum MediaDirection {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    MediaDirection(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    /** The direction with the given send and receive flags. */
    public static MediaDirection of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction an attribute name denotes, e.g. {@code sendonly}; empty for other attributes. */
    public static Optional<MediaDirection> fromAttribute(String name) {
        for (MediaDirection d : values()) {
            if (d.attributeName().equalsIgnoreCase(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The attribute name, e.g. {@code recvonly}. */
    public String attributeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the writer of the SDP sends media on the stream. */
    public boolean sends() {
        return sends;
    }

    /** Whether the writer of the SDP receives media on the stream. */
    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other side: sendonly becomes recvonly (RFC 3264 s6.1). */
    public MediaDirection reversed() {
        return of(receives, sends);
    }

    /** Send and receive only where both this and {@code other} allow it. */
    public MediaDirection intersect(MediaDirection other) {
        return of(sends && other.sends, receives && other.receives);
    }
}
