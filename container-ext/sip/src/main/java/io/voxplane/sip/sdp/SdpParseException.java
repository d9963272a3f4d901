package io.voxplane.sip.sdp;

/**
 * A session description that does not follow RFC 4566 s5 or exceeds an {@link SdpLimits} limit.
 * {@link #statusCode()} is what a UAS answers when the SDP was an offer in a request (400 for a
 * malformed body, RFC 3261 s21.4.1); when it was an answer there is nothing to answer and the
 * session is ended instead.
 */
public final class SdpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SdpErrorCode error;
    private final int lineNumber;

    /**
     * @param error      the typed error
     * @param message    what was wrong, naming the field
     * @param lineNumber 1-based line of the problem, or 0 when it concerns the whole body
     */
    public SdpParseException(SdpErrorCode error, String message, int lineNumber) {
        super(error.code() + " " + message + (lineNumber > 0 ? " (line " + lineNumber + ")" : ""));
        this.error = error;
        this.lineNumber = lineNumber;
    }

    /** The typed error. */
    public SdpErrorCode error() {
        return error;
    }

    /** Searchable code such as {@code VXSDP-003}. */
    public String errorCode() {
        return error.code();
    }

    /** The SIP status for a request carrying this SDP as its offer. */
    public int statusCode() {
        return error.statusCode();
    }

    /** 1-based line number of the problem, 0 when it concerns the whole body. */
    public int lineNumber() {
        return lineNumber;
    }
}
