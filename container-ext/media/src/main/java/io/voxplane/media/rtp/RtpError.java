package io.voxplane.media.rtp;

/**
 * Why a datagram is not a valid RTP or RTCP packet. Each constant carries a stable, searchable
 * code; a media endpoint counts these and drops the datagram, it never throws on the receive path.
 */
public enum RtpError {
    /** Shorter than the 12-byte fixed header (RFC 3550 s5.1). */
    TOO_SHORT("RTP-001"),
    /** Version field is not 2. */
    BAD_VERSION("RTP-002"),
    /** The CSRC list runs past the end of the datagram. */
    CSRC_OVERFLOW("RTP-003"),
    /** The header extension (s5.3.1) runs past the end of the datagram. */
    EXTENSION_OVERFLOW("RTP-004"),
    /** The padding count is zero or larger than what follows the header (s5.1, P bit). */
    BAD_PADDING("RTP-005"),
    /** An RTCP packet is shorter than its header or its length field says (s6.4). */
    RTCP_TRUNCATED("RTCP-001"),
    /** An RTCP packet type this code does not recognise as the first of a compound (s6.1). */
    RTCP_BAD_FIRST_PACKET("RTCP-002"),
    /** An RTCP report or item count does not fit the packet length. */
    RTCP_BAD_COUNT("RTCP-003"),
    /** An RTCP SDES chunk is not terminated or padded as s6.5 requires. */
    RTCP_BAD_SDES("RTCP-004");

    private final String code;

    RtpError(String code) {
        this.code = code;
    }

    /** The searchable code, for example {@code RTP-003}. */
    public String code() {
        return code;
    }
}
