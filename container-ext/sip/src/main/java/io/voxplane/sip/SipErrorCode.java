package io.voxplane.sip;

/**
 * Stable, searchable codes for every way the SIP wire-format layer rejects input. Each code carries
 * the response status an element sends for a request (RFC 3261 s8.2, s16.3, s21) and the
 * parenthesised detail used in the reason phrase, e.g. {@code Bad Request (Invalid CSeq)}.
 * The table in {@code container-ext/sip/README.md} lists them all.
 */
public enum SipErrorCode {
    /** The data ends before the empty line that closes the header section (s7). */
    TRUNCATED("VXSIP-001", 400, "Truncated message"),
    /** The Request-Line is not {@code Method SP Request-URI SP SIP-Version} (s7.1, s25.1). */
    BAD_REQUEST_LINE("VXSIP-002", 400, "Malformed Request-Line"),
    /** The SIP-Version is well-formed but not SIP/2.0 (s8.2.2.1 / s21.5.15). */
    VERSION_NOT_SUPPORTED("VXSIP-003", 505, null),
    /** The Status-Line is malformed or the code is outside 100..699 (s7.2); responses are discarded. */
    BAD_STATUS_LINE("VXSIP-004", 0, "Malformed Status-Line"),
    /** The message is larger than {@link SipLimits#maxMessageSize()}. */
    MESSAGE_TOO_LARGE("VXSIP-005", 413, "Message too large"),
    /** More header fields than {@link SipLimits#maxHeaderCount()}. */
    TOO_MANY_HEADERS("VXSIP-006", 400, "Too many header fields"),
    /** A (folded) header line longer than {@link SipLimits#maxLineLength()}. */
    LINE_TOO_LONG("VXSIP-007", 400, "Header line too long"),
    /** A header line without a colon or with a non-token name (s7.3). */
    BAD_HEADER_LINE("VXSIP-008", 400, "Malformed header field"),
    /** One of Via, From, To, Call-ID, CSeq is missing (s8.1.1). */
    MISSING_HEADER("VXSIP-009", 400, "Missing header"),
    /** A single-value header field (Call-ID, From, To, CSeq, Max-Forwards, Content-Type...) repeated. */
    DUPLICATE_HEADER("VXSIP-010", 400, "Multiple values in single-value header"),
    /** The CSeq is not {@code 1*DIGIT LWS Method} or its number exceeds 2^32-1 (s20.16, s8.1.1.5). */
    BAD_CSEQ("VXSIP-011", 400, "Invalid CSeq"),
    /** The CSeq method differs from the Request-Line method of a known method (s8.1.1.5, RFC 4475 s3.1.2.17). */
    CSEQ_METHOD_MISMATCH("VXSIP-012", 400, "CSeq method does not match Request-Line"),
    /** Unknown method whose CSeq method differs: 501 is preferred (RFC 4475 s3.1.2.18). */
    UNKNOWN_METHOD_MISMATCH("VXSIP-013", 501, "Unknown method, CSeq method does not match"),
    /** Content-Length is not a non-negative decimal number in range (s20.14, s18.3). */
    BAD_CONTENT_LENGTH("VXSIP-014", 400, "Invalid Content-Length"),
    /** More than one Content-Length value (RFC 4475 s3.3.9): a framing error. */
    MULTIPLE_CONTENT_LENGTH("VXSIP-015", 400, "Multiple Content-Length values"),
    /** Content-Length is larger than the bytes that follow the header section in a datagram (s18.3). */
    BODY_TRUNCATED("VXSIP-016", 400, "Content-Length larger than message"),
    /** A Via value is not {@code SIP/2.0/transport sent-by *(;param)} (s20.42). */
    BAD_VIA("VXSIP-017", 400, "Invalid Via"),
    /** A name-addr / addr-spec (From, To, Contact, Route, Record-Route...) is malformed (s20.10, s25.1). */
    BAD_ADDRESS("VXSIP-018", 400, "Invalid address"),
    /** The Request-URI is malformed, bracketed, contains LWS or carries headers (s19.1.1, s25.1). */
    BAD_REQUEST_URI("VXSIP-019", 400, "Invalid Request-URI"),
    /** Max-Forwards is not a decimal number in 0..255 (s20.22). */
    BAD_MAX_FORWARDS("VXSIP-020", 400, "Invalid Max-Forwards"),
    /** A URI is malformed (scheme, host, port, IPv6 reference, escapes; s19.1, RFC 5118). */
    BAD_URI("VXSIP-021", 400, "Invalid URI"),
    /** A quoted string is not terminated (s25.1). */
    UNTERMINATED_QUOTE("VXSIP-022", 400, "Unterminated quoted string"),
    /** Call-ID is not {@code word ["@" word]} (s20.8). */
    BAD_CALL_ID("VXSIP-023", 400, "Invalid Call-ID"),
    /** Content-Type is not {@code type/subtype *(;param)} (s20.15). */
    BAD_CONTENT_TYPE("VXSIP-024", 400, "Invalid Content-Type"),
    /** An Authorization / WWW-Authenticate style value is malformed (s20.7, s25.1 challenge/credentials). */
    BAD_AUTH("VXSIP-025", 400, "Invalid authentication header"),
    /** Reserved: token lists (Require, Supported, Allow...) are currently read leniently (s7.3.1). */
    BAD_TOKEN_LIST("VXSIP-026", 400, "Invalid token list"),
    /** A message arrives where a stream needs Content-Length and it has none (s18.3, s20.14). */
    MISSING_CONTENT_LENGTH("VXSIP-027", 400, "Missing Content-Length on stream"),
    /** A header value is longer than {@link SipLimits#maxHeaderValueLength()}. */
    VALUE_TOO_LONG("VXSIP-028", 400, "Header value too long"),
    /** The data is not a SIP message at all (empty, binary noise). Discarded. */
    NOT_SIP("VXSIP-029", 0, "Not a SIP message"),

    // Element-level rejections of well-formed requests (RequestValidator).

    /** Request-URI scheme not served by this element (s8.2.2.1, s16.3 step 2; RFC 4475 s3.3.2). */
    UNSUPPORTED_URI_SCHEME("VXSIP-040", 416, null),
    /** Require (UA) or Proxy-Require (proxy) lists option tags not supported (s8.2.2.3, s16.3 step 5). */
    BAD_EXTENSION("VXSIP-041", 420, null),
    /** Max-Forwards is 0 at a proxy (s16.3 step 3; RFC 4475 s3.3.11). */
    TOO_MANY_HOPS("VXSIP-042", 483, null),
    /** A UA does not know the method (s8.2.1; RFC 4475 s3.1.1.2, s3.1.1.5). */
    METHOD_NOT_IMPLEMENTED("VXSIP-043", 501, null),
    /** A UA knows the method but does not allow it (s8.2.1; RFC 4475 s3.3.7 for REGISTER). */
    METHOD_NOT_ALLOWED("VXSIP-044", 405, null),
    /** A UA cannot process the body's Content-Type or Content-Encoding (s8.2.3; RFC 4475 s3.3.6). */
    UNSUPPORTED_MEDIA_TYPE("VXSIP-045", 415, null),
    /** Accept excludes every body type the UA can answer with (s8.2.3, s21.4.7; RFC 4475 s3.3.15). */
    NOT_ACCEPTABLE("VXSIP-046", 406, null),
    /** A registrar got a To that is not a SIP or SIPS address of record (s10.3 step 5; RFC 4475 s3.3.4). */
    BAD_ADDRESS_OF_RECORD("VXSIP-047", 400, "To is not a SIP or SIPS URI");

    private final String code;
    private final int statusCode;
    private final String detail;

    SipErrorCode(String code, int statusCode, String detail) {
        this.code = code;
        this.statusCode = statusCode;
        this.detail = detail;
    }

    /** The searchable code, e.g. {@code VXSIP-011}. */
    public String code() {
        return code;
    }

    /** The response status a UAS/proxy sends for a request with this problem (0 = discard). */
    public int statusCode() {
        return statusCode;
    }

    /** The short description used inside the reason phrase; null when the default phrase is used. */
    public String detail() {
        return detail;
    }
}
