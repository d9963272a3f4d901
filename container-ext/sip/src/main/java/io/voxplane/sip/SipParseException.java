package io.voxplane.sip;

import java.util.Optional;

/**
 * A message (or a part of one) that does not follow the RFC 3261 s25 grammar or a limit in
 * {@link SipLimits}. It says what to answer (RFC 3261 s8.2, s21): {@link #statusCode()} and
 * {@link #reasonPhrase()}, or {@code statusCode() == 0} when the message must be dropped silently
 * (any bad response, s16.7 / RFC 4475 s3.1.2.19, or a request too broken to recognise).
 *
 * <p>{@link #errorResponse()} is present when the bad message was a request whose Via, From, To,
 * Call-ID and CSeq could still be read: a ready response per s8.2.6. On stream transports
 * {@link #framingLost()} means the connection must be closed because the next message boundary
 * cannot be found (s18.3).
 *
 * <p>When one of those five is itself the broken part (RFC 4475 scalar02, quotbal, badinv01, baddn,
 * badaspec, insuf) but the top Via can still be read leniently, {@link #rawErrorResponse()} holds
 * the answer as wire bytes that copy the request's own lines ({@link RawErrorResponse}).
 */
public final class SipParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient SipErrorCode error;
    private final int statusCode;
    private final String reasonPhrase;
    private final int offset;
    private final boolean request;
    private final boolean framingLost;
    private final transient SipResponse errorResponse;
    private final transient RawErrorResponse rawErrorResponse;

    /** Full constructor; normally built by the parser. */
    public SipParseException(SipErrorCode error, int statusCode, String reasonPhrase, String message,
                             int offset, boolean request, boolean framingLost, SipResponse errorResponse) {
        this(error, statusCode, reasonPhrase, message, offset, request, framingLost, errorResponse, null);
    }

    private SipParseException(SipErrorCode error, int statusCode, String reasonPhrase, String message,
                              int offset, boolean request, boolean framingLost, SipResponse errorResponse,
                              RawErrorResponse rawErrorResponse) {
        super(error.code() + " " + message + (offset >= 0 ? " at offset " + offset : ""));
        this.error = error;
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
        this.offset = offset;
        this.request = request;
        this.framingLost = framingLost;
        this.errorResponse = errorResponse;
        this.rawErrorResponse = errorResponse == null ? rawErrorResponse : null;
    }

    /** An error with the default status and reason for {@code error}. */
    public SipParseException(SipErrorCode error, String message, int offset) {
        this(error, error.statusCode(), defaultReason(error, error.statusCode()), message, offset,
                false, false, null);
    }

    /** An error whose reason phrase names a specific detail, e.g. {@code Bad Request (Missing Call-ID)}. */
    static SipParseException named(SipErrorCode error, String detail, String message, int offset) {
        int status = error.statusCode();
        return new SipParseException(error, status, StatusCodes.reasonPhrase(status) + " (" + detail + ")",
                message, offset, false, false, null);
    }

    static String defaultReason(SipErrorCode error, int status) {
        if (status == 0) {
            return "";
        }
        String base = StatusCodes.reasonPhrase(status);
        return error.detail() == null ? base : base + " (" + error.detail() + ")";
    }

    /** A copy with the request context filled in. */
    SipParseException withContext(int statusCode, boolean request, boolean framingLost,
                                  SipResponse errorResponse) {
        return withContext(statusCode, request, framingLost, errorResponse, null);
    }

    /** A copy with the request context and, when no typed response exists, the raw one. */
    SipParseException withContext(int statusCode, boolean request, boolean framingLost,
                                  SipResponse errorResponse, RawErrorResponse rawErrorResponse) {
        String reason = statusCode == this.statusCode ? reasonPhrase : defaultReason(error, statusCode);
        SipParseException e = new SipParseException(error, statusCode, reason, detailMessage(),
                offset, request, framingLost, errorResponse, rawErrorResponse);
        e.setStackTrace(getStackTrace());
        return e;
    }

    private String detailMessage() {
        String m = getMessage();
        int start = error.code().length() + 1;
        int at = offset >= 0 ? m.lastIndexOf(" at offset ") : -1;
        return at > start ? m.substring(start, at) : m.substring(Math.min(start, m.length()));
    }

    /** The typed error. */
    public SipErrorCode error() {
        return error;
    }

    /** The status to answer with, or 0 to discard silently. */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase to send, naming the problem, e.g. {@code Bad Request (Invalid CSeq)}. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** Searchable stable code such as {@code VXSIP-011}. */
    public String errorCode() {
        return error.code();
    }

    /** Byte (or character) offset of the problem within the input; -1 when unknown. */
    public int offset() {
        return offset;
    }

    /** Whether the offending message was a request. */
    public boolean isRequest() {
        return request;
    }

    /** A ready error response (s8.2.6) when the request's Via/From/To/Call-ID/CSeq were readable. */
    public Optional<SipResponse> errorResponse() {
        return Optional.ofNullable(errorResponse);
    }

    /**
     * The error response as wire bytes when {@link #errorResponse()} is empty because the request's
     * own Via, From, To, Call-ID or CSeq is malformed or missing, but its top Via can be read
     * leniently. Never present for responses, ACKs or status 0.
     */
    public Optional<RawErrorResponse> rawErrorResponse() {
        return Optional.ofNullable(rawErrorResponse);
    }

    /** True when a stream connection cannot be resynchronised and must be closed (s18.3). */
    public boolean framingLost() {
        return framingLost;
    }
}
