package io.voxplane.sip.sdp;

/**
 * Stable, searchable codes for every way the SDP layer rejects a session description, with the SIP
 * status an element answers when the SDP was an offer in a request: 400 when the body is malformed
 * (RFC 3261 s21.4.1), 488 Not Acceptable Here when it is well formed but nothing in it can be
 * accepted (RFC 3261 s21.4.26, RFC 3264 s6), with the Warning code of RFC 3261 s20.43 when one fits.
 * Status 0 means there is no response to send: the SDP was an answer (RFC 3264 s5 / s6), which
 * cannot be refused; the offerer ends the session instead (ACK then BYE for an INVITE).
 * The table in {@code container-ext/sip/README.md} lists them all.
 */
public enum SdpErrorCode {
    /** The body is empty or holds only blank lines. */
    EMPTY("VXSDP-001", 400, 0, "Empty session description"),
    /** The first line is not {@code v=0} (RFC 4566 s5.1, s5: v= comes first). */
    BAD_VERSION("VXSDP-002", 400, 0, "SDP must start with v=0"),
    /** A line is not {@code <type>=<value>} with a single lower-case letter type (RFC 4566 s5). */
    BAD_LINE("VXSDP-003", 400, 0, "Malformed SDP line"),
    /** o=, s= or t= is missing (RFC 4566 s5). */
    MISSING_FIELD("VXSDP-004", 400, 0, "Missing SDP field"),
    /** o= is not {@code username sess-id sess-version nettype addrtype address} (RFC 4566 s5.2). */
    BAD_ORIGIN("VXSDP-005", 400, 0, "Invalid o= line"),
    /** c= is not {@code nettype addrtype address} (RFC 4566 s5.7). */
    BAD_CONNECTION("VXSDP-006", 400, 0, "Invalid c= line"),
    /** m= is not {@code media port[/count] proto fmt...} (RFC 4566 s5.14). */
    BAD_MEDIA("VXSDP-007", 400, 0, "Invalid m= line"),
    /** t= is not two decimal numbers (RFC 4566 s5.9). */
    BAD_TIMING("VXSDP-008", 400, 0, "Invalid t= line"),
    /** b= is not {@code bwtype:bandwidth} (RFC 4566 s5.8). */
    BAD_BANDWIDTH("VXSDP-009", 400, 0, "Invalid b= line"),
    /** A typed attribute (rtpmap, fmtp, ptime, maxptime, rtcp) is malformed (RFC 4566 s6, RFC 3605). */
    BAD_ATTRIBUTE("VXSDP-010", 400, 0, "Invalid attribute"),
    /** A media section with a non-zero port has no c= and there is none at session level (RFC 4566 s5.7). */
    MISSING_CONNECTION("VXSDP-011", 400, 0, "No connection address"),
    /** v=, o=, s= or t= repeated or found inside a media section, or a session-only field there (RFC 4566 s5). */
    MISPLACED_FIELD("VXSDP-012", 400, 0, "Misplaced SDP field"),
    /** A type letter RFC 4566 does not define: the description must then be ignored (RFC 4566 s5). */
    UNKNOWN_FIELD("VXSDP-013", 400, 0, "Unknown SDP field"),
    /** The body is longer than {@link SdpLimits#maxLength()}. */
    TOO_LARGE("VXSDP-014", 413, 0, "Session description too large"),
    /** More lines than {@link SdpLimits#maxLines()}. */
    TOO_MANY_LINES("VXSDP-015", 400, 0, "Too many SDP lines"),
    /** More m= sections than {@link SdpLimits#maxMediaSections()}: well formed, but not served. */
    TOO_MANY_MEDIA("VXSDP-016", 488, 0, "Too many media streams"),

    /** The offer has no audio stream we can take (RFC 3261 s20.43 Warning 304). */
    NO_AUDIO("VXSDP-030", 488, 304, "Media type not available"),
    /** Audio is offered only over transports other than RTP/AVP (Warning 302). */
    UNSUPPORTED_TRANSPORT("VXSDP-031", 488, 302, "Incompatible transport protocol"),
    /** No offered audio format is one of ours (Warning 305). */
    NO_COMMON_CODEC("VXSDP-032", 488, 305, "Incompatible media format"),
    /** Audio offered with a network or address type other than IN IP4 / IN IP6 (Warning 301). */
    UNSUPPORTED_ADDRESS("VXSDP-033", 488, 301, "Incompatible network address formats"),
    /** A re-offer has fewer m= lines than the session had (RFC 3264 s8). */
    MEDIA_LINES_REMOVED("VXSDP-034", 488, 0, "Media lines removed"),
    /** The answer's m= lines do not match the offer's in number or media type (RFC 3264 s6). */
    ANSWER_MISMATCH("VXSDP-040", 0, 0, "Answer does not match offer"),
    /** The answer accepts audio with a format the offer did not list (RFC 3264 s6.1). */
    ANSWER_CODEC_NOT_OFFERED("VXSDP-041", 0, 0, "Answer uses a format not offered"),
    /** The answer rejects every audio stream (port 0) or leaves no usable codec (RFC 3264 s6). */
    ANSWER_REJECTED_AUDIO("VXSDP-042", 0, 0, "Answer rejected audio");

    private final String code;
    private final int statusCode;
    private final int warningCode;
    private final String text;

    SdpErrorCode(String code, int statusCode, int warningCode, String text) {
        this.code = code;
        this.statusCode = statusCode;
        this.warningCode = warningCode;
        this.text = text;
    }

    /** The searchable code, e.g. {@code VXSDP-003}. */
    public String code() {
        return code;
    }

    /** The SIP status to answer an offer with; 0 when the SDP was an answer and nothing is sent. */
    public int statusCode() {
        return statusCode;
    }

    /** The RFC 3261 s20.43 warn-code for a 488, or 0 when none fits. */
    public int warningCode() {
        return warningCode;
    }

    /** A short description; for a 488 with a warning it is the warn-text of RFC 3261 s20.43. */
    public String text() {
        return text;
    }
}
