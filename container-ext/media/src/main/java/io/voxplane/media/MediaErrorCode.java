package io.voxplane.media;

/**
 * Why the media plane refused or stopped something, each with a stable, searchable code
 * ({@code VXMED-nnn}, listed in the module README). Packet-level problems keep their own codes
 * ({@link io.voxplane.media.rtp.RtpError}); these are the errors of sockets, sessions and media
 * functions.
 */
public enum MediaErrorCode {
    /** Every RTP/RTCP port pair of the configured range is in use. */
    PORTS_EXHAUSTED("VXMED-001"),
    /** No free port pair could be bound on the address (in use by another process, or a bad address). */
    BIND_FAILED("VXMED-002"),
    /** The media transport is not running (not started, or stopped). */
    TRANSPORT_STOPPED("VXMED-003"),
    /** The negotiated codec is not implemented here (only PCMU, PCMA, G722). */
    UNSUPPORTED_CODEC("VXMED-004"),
    /** Negotiated parameters out of range (payload type, ptime, telephone-event payload type). */
    BAD_PARAMETERS("VXMED-005"),
    /** A prompt file cannot be read or is not a WAV file. */
    PROMPT_UNREADABLE("VXMED-006"),
    /** A prompt is not mono 8 kHz or 16 kHz audio, so it cannot be played with the session codec. */
    PROMPT_UNSUPPORTED_FORMAT("VXMED-007"),
    /** A recording file cannot be written. */
    RECORD_FAILED("VXMED-008"),
    /** The session is closed. */
    SESSION_CLOSED("VXMED-009"),
    /** A media function was started before the session was configured with negotiated parameters. */
    NOT_CONFIGURED("VXMED-010"),
    /** The conference room has closed (its last participant left). */
    ROOM_CLOSED("VXMED-011"),
    /** The conference room has its maximum number of participants. */
    ROOM_FULL("VXMED-012"),
    /** A digit collection ended without a result: replaced by another function or the session closed. */
    FUNCTION_STOPPED("VXMED-013"),
    /** A session's ptime does not match the conference room's frame duration. */
    ROOM_PTIME_MISMATCH("VXMED-014"),
    /**
     * DTMF cannot be sent: the peer's SDP did not offer {@code telephone-event}, so no payload type
     * was negotiated (RFC 4733 s2.5.1 sends events only with a negotiated payload type; in-band
     * tones are not generated here).
     */
    NO_TELEPHONE_EVENT("VXMED-015"),
    /** DTMF cannot be sent: the stream does not send (hold: recvonly or inactive, or remote 0.0.0.0). */
    NOT_SENDING("VXMED-016");

    private final String code;

    MediaErrorCode(String code) {
        this.code = code;
    }

    /** The searchable code, for example {@code VXMED-001}. */
    public String code() {
        return code;
    }
}
