package io.voxplane.api;

import java.util.Objects;

/**
 * {@link MediaCall#sendDtmf} could not send (all) its digits; {@link #reason()} says why and
 * {@link Reason#code()} is the searchable code the message starts with. Digits before the failure
 * may have been sent. A character that is not a DTMF key is an {@link IllegalArgumentException}
 * instead (nothing is sent).
 */
public final class DtmfSendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why DTMF was not sent. */
    public enum Reason {
        /**
         * The caller's offer had no {@code telephone-event} payload type (RFC 4733 s2.5.1: events
         * are only sent with a negotiated payload type; in-band tones are not generated).
         */
        NO_TELEPHONE_EVENT("VXMED-015"),
        /** The call's media does not send: on hold ({@code recvonly}, {@code inactive}) or remote 0.0.0.0. */
        NOT_SENDING("VXMED-016"),
        /** The call's media closed (the call ended) before the digits were sent. */
        MEDIA_CLOSED("VXMED-009"),
        /** The media plane could not be reached (event bus full or stopped). */
        MEDIA_UNREACHABLE("VXAPP-107");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The searchable code, for example {@code VXMED-015}. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    /** {@code message} gets the reason's code in front unless it starts with it. */
    public DtmfSendException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message").startsWith(Objects.requireNonNull(reason, "reason").code())
                ? message : reason.code() + " " + message);
        this.reason = reason;
    }

    /** Why the digits were not sent. */
    public Reason reason() {
        return reason;
    }
}
