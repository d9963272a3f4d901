package io.voxplane.media.codec;

import java.util.List;
import java.util.Optional;

/** The codecs this module implements, looked up by static payload type or encoding name. */
public final class AudioCodecs {

    private static final List<AudioCodec> ALL = List.of(G711Codec.PCMU, G711Codec.PCMA, G722Codec.INSTANCE);

    private AudioCodecs() {
    }

    /** All supported codecs in preference order for an offer: PCMU, PCMA, G722. */
    public static List<AudioCodec> all() {
        return ALL;
    }

    /** The codec with static payload type {@code pt} (RFC 3551 s6), if supported. */
    public static Optional<AudioCodec> byPayloadType(int pt) {
        for (AudioCodec c : ALL) {
            if (c.payloadType() == pt) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The codec with this {@code a=rtpmap} encoding name and clock rate (case-insensitive name). */
    public static Optional<AudioCodec> byRtpmap(String encodingName, int clockRate) {
        for (AudioCodec c : ALL) {
            if (c.encodingName().equalsIgnoreCase(encodingName) && c.rtpClockRate() == clockRate) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
