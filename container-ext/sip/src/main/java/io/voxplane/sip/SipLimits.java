package io.voxplane.sip;

/**
 * Size limits applied while framing and parsing, so that a hostile peer cannot make the parser
 * allocate or scan without bound (RFC 3261 s18.1.1 and s26.1.5 on denial of service).
 *
 * @param maxMessageSize      largest message (start line, headers and body) in bytes; config key
 *                            {@code voxplane.sip.max-message-size}
 * @param maxHeaderCount      most header fields (lines, after unfolding) in one message; config key
 *                            {@code voxplane.sip.max-header-count}
 * @param maxLineLength       longest start line or unfolded header field in bytes; config key
 *                            {@code voxplane.sip.max-line-length}
 * @param maxHeaderValueLength longest single header value in bytes; config key
 *                            {@code voxplane.sip.max-header-value-length}
 */
public record SipLimits(int maxMessageSize, int maxHeaderCount, int maxLineLength, int maxHeaderValueLength) {

    /**
     * 65,535 bytes: the largest IPv4 UDP payload (s18.1.1 discusses datagram sizes); a message
     * bigger than that cannot have come over UDP and is unreasonable on a stream too.
     */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_535;

    /**
     * 256 header fields: real messages carry 10 to 40; RFC 4475 longreq has about 30. A cap keeps a
     * flood of tiny fields from costing more than one large message.
     */
    public static final int DEFAULT_MAX_HEADER_COUNT = 256;

    /**
     * 8,192 bytes per start line or header field: the same order as common HTTP servers; RFC 4475
     * longreq's longest field (a Via list and long To display name) stays well below it.
     */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8_192;

    /** 8,192 bytes per header value: a value cannot be longer than its line. */
    public static final int DEFAULT_MAX_HEADER_VALUE_LENGTH = 8_192;

    public SipLimits {
        if (maxMessageSize < 64 || maxHeaderCount < 8 || maxLineLength < 64 || maxHeaderValueLength < 16) {
            throw new IllegalArgumentException("SIP limits too small: message " + maxMessageSize
                    + ", headers " + maxHeaderCount + ", line " + maxLineLength + ", value " + maxHeaderValueLength);
        }
    }

    private static final SipLimits DEFAULTS = new SipLimits(DEFAULT_MAX_MESSAGE_SIZE,
            DEFAULT_MAX_HEADER_COUNT, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_HEADER_VALUE_LENGTH);

    /** The DEFAULT_* values. */
    public static SipLimits defaults() {
        return DEFAULTS;
    }

    public SipLimits withMaxMessageSize(int value) {
        return new SipLimits(value, maxHeaderCount, maxLineLength, maxHeaderValueLength);
    }

    public SipLimits withMaxHeaderCount(int value) {
        return new SipLimits(maxMessageSize, value, maxLineLength, maxHeaderValueLength);
    }

    public SipLimits withMaxLineLength(int value) {
        return new SipLimits(maxMessageSize, maxHeaderCount, value, maxHeaderValueLength);
    }

    public SipLimits withMaxHeaderValueLength(int value) {
        return new SipLimits(maxMessageSize, maxHeaderCount, maxLineLength, value);
    }
}
