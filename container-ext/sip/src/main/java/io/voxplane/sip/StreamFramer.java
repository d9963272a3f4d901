package io.voxplane.sip;

import java.util.Arrays;

/**
 * Splits a byte stream (TCP, TLS; RFC 3261 s18.3) into SIP messages. Bytes are appended as they arrive;
 * {@link #next()} returns each complete message (start line to end of body) or null when more bytes
 * are needed. The result does not depend on how the stream was segmented.
 *
 * <p>CRLFs before a start line are skipped (s7.5) and counted by {@link #keepAlivesSkipped()}
 * (RFC 5626 s4.4.1 uses CRLF as keep-alive). On a stream the Content-Length is mandatory (s18.3,
 * s20.14); a missing, malformed, negative or repeated Content-Length, or a message above
 * {@link SipLimits#maxMessageSize()}, loses the framing: {@link #next()} throws an exception with
 * {@link SipParseException#framingLost()} set, and keeps throwing it, since the connection must be closed.
 *
 * <p>Not thread-safe: one framer per connection, owned by that connection's I/O thread. It copies
 * the appended bytes, so callers may reuse their buffers.
 */
public final class StreamFramer {

    /** Lifecycle of the framer (s18.3 framing). */
    private enum State {
        /** Framing is intact. */
        FRAMING,
        /** A framing error happened; every call rethrows it. */
        FAILED
    }

    private final SipLimits limits;
    private byte[] buf = new byte[4096];
    private int start;
    private int end;
    /** Where the search for the end of the header section resumes (relative to buf). */
    private int scanFrom;
    private long keepAlives;
    private State state = State.FRAMING;
    private SipParseException failure;

    public StreamFramer(SipLimits limits) {
        this.limits = limits;
    }

    /** Appends bytes received from the stream. */
    public void append(byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (end + length > buf.length) {
            int live = end - start;
            if (live + length <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                byte[] n = new byte[Math.max(buf.length * 2, live + length)];
                System.arraycopy(buf, start, n, 0, live);
                buf = n;
            }
            scanFrom -= start;
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, buf, end, length);
        end += length;
    }

    /** Number of CRLF (or bare LF) keep-alives skipped between messages so far. */
    public long keepAlivesSkipped() {
        return keepAlives;
    }

    /** Bytes buffered and not yet returned. */
    public int buffered() {
        return end - start;
    }

    /**
     * The next complete message, or null when more bytes are needed.
     *
     * @throws SipParseException with {@code framingLost()} when the stream cannot be resynchronised
     */
    public byte[] next() throws SipParseException {
        if (state == State.FAILED) {
            throw failure;
        }
        while (start < end) {
            if (buf[start] == '\n') {
                keepAlives++;
                start++;
            } else if (buf[start] == '\r') {
                if (start + 1 >= end) {
                    return null;
                }
                if (buf[start + 1] != '\n') {
                    break;
                }
                keepAlives++;
                start += 2;
            } else {
                break;
            }
        }
        if (scanFrom < start) {
            scanFrom = start;
        }
        if (start >= end) {
            return null;
        }
        int headerEnd = findHeaderEnd();
        if (headerEnd < 0) {
            if (end - start > limits.maxMessageSize()) {
                throw fail(SipErrorCode.MESSAGE_TOO_LARGE, "header section exceeds " + limits.maxMessageSize()
                        + " bytes");
            }
            return null;
        }
        long contentLength = contentLength(headerEnd);
        long total = headerEnd - start + contentLength;
        if (total > limits.maxMessageSize()) {
            throw fail(SipErrorCode.MESSAGE_TOO_LARGE, "message of " + total + " bytes exceeds "
                    + limits.maxMessageSize());
        }
        if (start + total > end) {
            return null;
        }
        byte[] message = Arrays.copyOfRange(buf, start, (int) (start + total));
        start += (int) total;
        scanFrom = start;
        if (start == end) {
            start = 0;
            end = 0;
            scanFrom = 0;
        }
        return message;
    }

    /**
     * Signals that the stream ended (or a read timeout fired). Throws, with framing lost, when a
     * partial message is still buffered: e.g. a Content-Length larger than what was sent
     * (RFC 4475 s3.1.2.2).
     */
    public void endOfInput() throws SipParseException {
        if (state == State.FAILED) {
            throw failure;
        }
        int p = start;
        while (p < end && (buf[p] == '\r' || buf[p] == '\n')) {
            p++;
        }
        if (p < end) {
            throw fail(SipErrorCode.TRUNCATED, "stream ended inside a message (" + (end - p) + " bytes)");
        }
    }

    /** Index just after the empty line ending the header section, or -1. */
    private int findHeaderEnd() {
        int i = Math.max(scanFrom, start);
        for (; i < end; i++) {
            if (buf[i] == '\n') {
                int n = i + 1;
                if (n < end && buf[n] == '\n') {
                    return n + 1;
                }
                if (n + 1 < end && buf[n] == '\r' && buf[n + 1] == '\n') {
                    return n + 2;
                }
                if (n >= end || (n + 1 >= end && buf[n] == '\r')) {
                    scanFrom = i;
                    return -1;
                }
            }
        }
        scanFrom = Math.max(start, end - 1);
        return -1;
    }

    /** Finds the single Content-Length (or {@code l}) field in [start, headerEnd). */
    private long contentLength(int headerEnd) throws SipParseException {
        long value = -1;
        int p = SipParser.indexOfLf(buf, start, headerEnd) + 1;
        while (p < headerEnd) {
            int lf = SipParser.indexOfLf(buf, p, headerEnd);
            while (lf + 1 < headerEnd && (buf[lf + 1] == ' ' || buf[lf + 1] == '\t')) {
                lf = SipParser.indexOfLf(buf, lf + 1, headerEnd);
            }
            int ne = p;
            while (ne < lf && Chars.isTokenChar(buf[ne])) {
                ne++;
            }
            if (ne > p && HeaderNames.CONTENT_LENGTH == KnownNames.lookup(buf, p, ne)) {
                if (value >= 0) {
                    throw fail(SipErrorCode.MULTIPLE_CONTENT_LENGTH, "more than one Content-Length");
                }
                value = parseLength(ne, lf);
            }
            p = lf + 1;
        }
        if (value < 0) {
            throw fail(SipErrorCode.MISSING_CONTENT_LENGTH, "no Content-Length on a stream (s18.3)");
        }
        return value;
    }

    private long parseLength(int p, int lf) throws SipParseException {
        while (p < lf && isLws(buf[p])) {
            p++;
        }
        if (p >= lf || buf[p] != ':') {
            throw fail(SipErrorCode.BAD_CONTENT_LENGTH, "Content-Length without ':'");
        }
        p++;
        while (p < lf && isLws(buf[p])) {
            p++;
        }
        int ds = p;
        long v = 0;
        while (p < lf && Chars.isDigit(buf[p])) {
            v = v * 10 + (buf[p] - '0');
            if (v > Integer.MAX_VALUE) {
                throw fail(SipErrorCode.BAD_CONTENT_LENGTH, "Content-Length out of range");
            }
            p++;
        }
        int digitsEnd = p;
        while (p < lf && isLws(buf[p])) {
            p++;
        }
        if (digitsEnd == ds || p != lf) {
            throw fail(SipErrorCode.BAD_CONTENT_LENGTH, "Content-Length is not a non-negative number");
        }
        return v;
    }

    private static boolean isLws(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private SipParseException fail(SipErrorCode code, String message) {
        SipParseException e = new SipParseException(code, code.statusCode(),
                SipParseException.defaultReason(code, code.statusCode()), message, -1,
                !SipParser.startsWith(buf, start, end, "SIP/"), true, null);
        state = State.FAILED;
        failure = e;
        return e;
    }
}
