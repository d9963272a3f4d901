package io.voxplane.sip.sdp;

/**
 * Size limits applied while parsing SDP, so that a hostile body cannot make the parser allocate or
 * scan without bound (RFC 4566 s7 on security, RFC 3261 s26.1.5 on denial of service). The SIP
 * parser's message size limit bounds the body already; these bound the work on it.
 *
 * @param maxLength        longest session description in characters; config key
 *                         {@code voxplane.sdp.max-length}
 * @param maxLines         most lines; config key {@code voxplane.sdp.max-lines}
 * @param maxMediaSections most m= sections; config key {@code voxplane.sdp.max-media-sections}
 */
public record SdpLimits(int maxLength, int maxLines, int maxMediaSections) {

    /**
     * 32,768 characters: a phone's audio offer is 300-800 bytes; a WebRTC offer with ICE
     * candidates, video and simulcast reaches 8-12 KB. Twice the largest seen still fits one UDP
     * SIP message with its headers.
     */
    public static final int DEFAULT_MAX_LENGTH = 32_768;

    /**
     * 512 lines: WebRTC offers carry 100-250 lines (one a= per candidate, rtcp-fb and extmap); a
     * cap keeps a flood of tiny lines from costing more than one large body.
     */
    public static final int DEFAULT_MAX_LINES = 512;

    /**
     * 16 m= sections: calls use one audio and maybe one video; a bundled WebRTC offer with several
     * video layers and a data channel stays below 10. Each section is negotiated and answered.
     */
    public static final int DEFAULT_MAX_MEDIA_SECTIONS = 16;

    public SdpLimits {
        if (maxLength < 64 || maxLines < 8 || maxMediaSections < 1) {
            throw new IllegalArgumentException("SDP limits too small: length " + maxLength + ", lines "
                    + maxLines + ", media sections " + maxMediaSections);
        }
    }

    private static final SdpLimits DEFAULTS =
            new SdpLimits(DEFAULT_MAX_LENGTH, DEFAULT_MAX_LINES, DEFAULT_MAX_MEDIA_SECTIONS);

    /** The DEFAULT_* values. */
    public static SdpLimits defaults() {
        return DEFAULTS;
    }

    public SdpLimits withMaxLength(int value) {
        return new SdpLimits(value, maxLines, maxMediaSections);
    }

    public SdpLimits withMaxLines(int value) {
        return new SdpLimits(maxLength, value, maxMediaSections);
    }

    public SdpLimits withMaxMediaSections(int value) {
        return new SdpLimits(maxLength, maxLines, value);
    }
}
