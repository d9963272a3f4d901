package io.voxplane.media.session;

/**
 * The negotiated direction of a media stream from this side's point of view (RFC 3264 s5.1,
 * s8.4 for hold): the attribute of our SDP answer or offer. A peer that puts us on hold with
 * {@code a=sendonly} gets {@link #RECVONLY} from us; {@code a=inactive} gives {@link #INACTIVE}.
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

    /** True if we send media in this direction. */
    public boolean sends() {
        return sends;
    }

    /** True if we expect media from the peer (and time out when it stops). */
    public boolean receives() {
        return receives;
    }

    /** The SDP attribute name ({@code sendrecv} ...). */
    public String sdpAttribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction of an SDP attribute name (case-insensitive). */
    public static MediaDirection ofSdp(String attribute) {
        return valueOf(attribute.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
