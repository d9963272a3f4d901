package io.voxplane.sip.sdp;

import java.util.Optional;

/**
 * Offer/answer (RFC 3264) failed although the SDP was well formed. For a remote offer,
 * {@link #statusCode()} is 488 Not Acceptable Here (RFC 3261 s21.4.26) and
 * {@link #warning(String)} gives the Warning header value to add (s20.43) when a warn-code fits.
 * For a remote answer the status is 0: an answer cannot be refused, the offerer ends the session
 * (for INVITE: ACK the 2xx, then BYE).
 */
public final class SdpNegotiationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SdpErrorCode error;

    public SdpNegotiationException(SdpErrorCode error, String message) {
        super(error.code() + " " + message);
        this.error = error;
    }

    /** The typed error. */
    public SdpErrorCode error() {
        return error;
    }

    /** Searchable code such as {@code VXSDP-032}. */
    public String errorCode() {
        return error.code();
    }

    /** The SIP status to answer the offer with (488), or 0 when the SDP was an answer. */
    public int statusCode() {
        return error.statusCode();
    }

    /**
     * The Warning header value (RFC 3261 s20.43), e.g. {@code 305 pbx.example.com "Incompatible
     * media format"}, when a warn-code fits this error.
     *
     * @param agent the warn-agent: this element's host name or address
     */
    public Optional<String> warning(String agent) {
        if (error.warningCode() == 0) {
            return Optional.empty();
        }
        return Optional.of(error.warningCode() + " " + agent + " \"" + error.text() + "\"");
    }
}
