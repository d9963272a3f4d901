package io.voxplane.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one SIP message from bytes (RFC 3261 s7, s25; RFC 5118 IPv6 references). Thread-safe and
 * reusable: it keeps no state besides its {@link SipLimits}.
 *
 * <p>Framing (s18.3, s20.14): the Content-Length frames the body and bytes after it are ignored
 * (RFC 4475 s3.1.1.8); with no Content-Length the body runs to the end of the data (datagram
 * semantics, RFC 4475 s3.4.1). Leading CRLFs are skipped (s7.5). Lines may end in CRLF or, leniently,
 * in a bare LF. Header folding (s7.3.1) is replaced by a single space.
 *
 * <p>The start line and every header line are scanned byte by byte; the core headers are decoded
 * eagerly by {@link HeaderBlock}. Failures are {@link SipParseException}s with the response status and
 * a reason naming the problem; for a request whose Via, From, To, Call-ID and CSeq could be read, the
 * exception carries a ready error response (s8.2.6).
 */
public final class SipParser {

    private static final SipParser DEFAULT = new SipParser(SipLimits.defaults());

    private final SipLimits limits;

    public SipParser(SipLimits limits) {
        this.limits = limits;
    }

    /** A parser with {@link SipLimits#defaults()}. */
    public static SipParser withDefaults() {
        return DEFAULT;
    }

    public SipLimits limits() {
        return limits;
    }

    /** Parses the whole array as one message. */
    public SipMessage parse(byte[] data) throws SipParseException {
        return parse(data, 0, data.length);
    }

    /** Parses one message from {@code data[offset, offset+length)}. */
    public SipMessage parse(byte[] data, int offset, int length) throws SipParseException {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("offset " + offset + " length " + length + " of " + data.length);
        }
        int end = offset + length;
        int p = offset;
        while (p < end && (data[p] == '\r' || data[p] == '\n')) {
            p++;
        }
        Boolean request = null;
        try {
            if (p >= end) {
                throw new SipParseException(SipErrorCode.NOT_SIP, "no start line", p - offset);
            }
            request = !startsWith(data, p, end, "SIP/");
            return parseMessage(data, offset, p, end, request);
        } catch (SipParseException e) {
            throw contextualise(e, data, offset, p, end, request);
        }
    }

    private SipParseException contextualise(SipParseException e, byte[] data, int base, int p, int end,
                                            Boolean request) {
        if (request == null || !request || e.statusCode() == 0) {
            return e.withContext(0, request != null && request, false, null);
        }
        String method = methodOf(data, p, end);
        if (SipMethod.ACK.equals(method)) {
            // s17.2.1 / s8.2: an ACK is never answered.
            return e.withContext(0, true, false, null);
        }
        SipResponse response = ErrorResponses.bestEffort(data, p, end, e.statusCode(), e.reasonPhrase());
        RawErrorResponse raw = response != null ? null
                : ErrorResponses.raw(data, p, end, e.statusCode(), e.reasonPhrase(), limits);
        return e.withContext(e.statusCode(), true, false, response, raw);
    }

    private static String methodOf(byte[] data, int p, int end) {
        int i = p;
        while (i < end && data[i] != ' ' && data[i] != '\r' && data[i] != '\n') {
            i++;
        }
        return new String(data, p, i - p, StandardCharsets.ISO_8859_1);
    }

    static boolean startsWith(byte[] data, int p, int end, String s) {
        if (end - p < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (data[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long LF_BYTES = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long LOW_BITS = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /** Index of the next LF at or after p, or -1. Scans eight bytes per step (SWAR). */
    static int indexOfLf(byte[] data, int p, int end) {
        int i = p;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(data, i) ^ LF_BYTES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private SipMessage parseMessage(byte[] data, int base, int p, int end, boolean request)
            throws SipParseException {
        int lf = indexOfLf(data, p, end);
        if (lf < 0) {
            throw new SipParseException(SipErrorCode.TRUNCATED, "start line not terminated", end - base);
        }
        int lineEnd = lf > p && data[lf - 1] == '\r' ? lf - 1 : lf;
        if (lineEnd - p > limits.maxLineLength()) {
            throw new SipParseException(SipErrorCode.LINE_TOO_LONG, "start line longer than "
                    + limits.maxLineLength(), p - base);
        }
        String method = null;
        Uri requestUri = null;
        int status = 0;
        String reason = null;
        if (request) {
            int sp1 = indexOf(data, p, lineEnd, (byte) ' ');
            if (sp1 <= p) {
                throw new SipParseException(SipErrorCode.BAD_REQUEST_LINE, "no method in Request-Line", p - base);
            }
            for (int i = p; i < sp1; i++) {
                if (!Chars.isTokenChar(data[i])) {
                    throw new SipParseException(SipErrorCode.BAD_REQUEST_LINE, "method is not a token", i - base);
                }
            }
            method = internMethod(data, p, sp1);
            int sp2 = indexOf(data, sp1 + 1, lineEnd, (byte) ' ');
            if (sp2 < 0) {
                throw new SipParseException(SipErrorCode.BAD_REQUEST_LINE, "Request-Line has no SIP-Version",
                        sp1 - base);
            }
            if (sp2 == sp1 + 1) {
                throw new SipParseException(SipErrorCode.BAD_REQUEST_LINE,
                        "more than one SP between Request-Line elements", sp2 - base);
            }
            int vs = sp2 + 1;
            if (indexOf(data, vs, lineEnd, (byte) ' ') >= 0 || indexOf(data, vs, lineEnd, (byte) '\t') >= 0) {
                throw new SipParseException(SipErrorCode.BAD_REQUEST_LINE,
                        "extra whitespace in Request-Line", vs - base);
            }
            checkVersion(data, vs, lineEnd, base);
            String uriText = new String(data, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.UTF_8);
            requestUri = requestUri(uriText, sp1 + 1 - base);
        } else {
            int sp1 = indexOf(data, p, lineEnd, (byte) ' ');
            if (sp1 < 0) {
                throw new SipParseException(SipErrorCode.BAD_STATUS_LINE, "Status-Line without status code",
                        p - base);
            }
            if (sp1 - p != 7 || !startsWith(data, p, end, "SIP/2.0")) {
                throw new SipParseException(SipErrorCode.BAD_STATUS_LINE, "response version is not SIP/2.0",
                        p - base);
            }
            int cs = sp1 + 1;
            int ce = cs;
            while (ce < lineEnd && Chars.isDigit(data[ce])) {
                ce++;
            }
            if (ce - cs != 3 || (ce < lineEnd && data[ce] != ' ')) {
                throw new SipParseException(SipErrorCode.BAD_STATUS_LINE, "status code is not 3 digits",
                        cs - base);
            }
            status = (data[cs] - '0') * 100 + (data[cs + 1] - '0') * 10 + (data[cs + 2] - '0');
            if (status < 100 || status > 699) {
                throw new SipParseException(SipErrorCode.BAD_STATUS_LINE, "status code " + status
                        + " outside 100..699", cs - base);
            }
            int rs = ce < lineEnd ? ce + 1 : ce;
            reason = rs >= lineEnd ? "" : new String(data, rs, lineEnd - rs, StandardCharsets.UTF_8);
            if (reason.indexOf('\r') >= 0) {
                throw new SipParseException(SipErrorCode.BAD_STATUS_LINE, "bare CR in reason phrase", rs - base);
            }
        }
        HeaderScan scan = new HeaderScan(limits);
        int bodyStart = scan.scan(data, base, lf + 1, end);
        HeaderBlock block = HeaderBlock.decode(scan.headers(), scan.canonical(), scan.valueOffsets(), null);
        int bodyEnd;
        if (block.contentLength >= 0) {
            if ((long) bodyStart + block.contentLength > end) {
                throw new SipParseException(SipErrorCode.BODY_TRUNCATED, "Content-Length " + block.contentLength
                        + " but only " + (end - bodyStart) + " bytes follow", bodyStart - base);
            }
            bodyEnd = bodyStart + block.contentLength;
        } else {
            bodyEnd = end;
        }
        if (bodyEnd - p > limits.maxMessageSize()) {
            throw new SipParseException(SipErrorCode.MESSAGE_TOO_LARGE, "message of " + (bodyEnd - p)
                    + " bytes exceeds " + limits.maxMessageSize(), p - base);
        }
        byte[] body = bodyEnd == bodyStart ? AbstractMessage.NO_BODY
                : java.util.Arrays.copyOfRange(data, bodyStart, bodyEnd);
        checkMandatory(block, request);
        if (request) {
            if (!block.cseq.method().equals(method)) {
                if (SipMethod.isKnown(method)) {
                    throw new SipParseException(SipErrorCode.CSEQ_METHOD_MISMATCH, "CSeq method "
                            + block.cseq.method() + " differs from " + method, -1);
                }
                throw new SipParseException(SipErrorCode.UNKNOWN_METHOD_MISMATCH, "unknown method " + method
                        + " with CSeq method " + block.cseq.method(), -1);
            }
            return new SipRequest(method, requestUri, block, body);
        }
        return new SipResponse(status, reason, block, body);
    }

    private static void checkMandatory(HeaderBlock b, boolean request) throws SipParseException {
        StringBuilder missing = null;
        String[] names = {HeaderNames.VIA, HeaderNames.FROM, HeaderNames.TO, HeaderNames.CALL_ID, HeaderNames.CSEQ};
        boolean[] absent = {b.vias.isEmpty(), b.from == null, b.to == null, b.callId == null, b.cseq == null};
        for (int i = 0; i < names.length; i++) {
            if (absent[i]) {
                missing = missing == null ? new StringBuilder(names[i]) : missing.append(", ").append(names[i]);
            }
        }
        if (missing != null) {
            throw SipParseException.named(SipErrorCode.MISSING_HEADER, "Missing " + missing,
                    "mandatory header(s) missing: " + missing, -1);
        }
    }

    private static Uri requestUri(String text, int offset) throws SipParseException {
        if (text.startsWith("<")) {
            throw new SipParseException(SipErrorCode.BAD_REQUEST_URI, "Request-URI enclosed in <>", offset);
        }
        Uri uri;
        try {
            uri = UriParser.parseUri(text, 0, text.length(), SipErrorCode.BAD_REQUEST_URI);
        } catch (SipParseException e) {
            throw new SipParseException(SipErrorCode.BAD_REQUEST_URI, "Request-URI '" + text + "': "
                    + e.getMessage().substring(e.errorCode().length() + 1), offset + Math.max(0, e.offset()));
        }
        if (uri instanceof SipUri s && !s.headers().isEmpty()) {
            throw new SipParseException(SipErrorCode.BAD_REQUEST_URI,
                    "headers are not allowed in a Request-URI (s19.1.1)", offset);
        }
        return uri;
    }

    private static void checkVersion(byte[] data, int vs, int lineEnd, int base) throws SipParseException {
        if (lineEnd - vs == 7 && startsWith(data, vs, lineEnd, "SIP/2.0")) {
            return;
        }
        // SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT (case-insensitive "SIP")
        int i = vs;
        boolean wellFormed = lineEnd - vs > 4 && (data[i] | 0x20) == 's' && (data[i + 1] | 0x20) == 'i'
                && (data[i + 2] | 0x20) == 'p' && data[i + 3] == '/';
        if (wellFormed) {
            i += 4;
            int d1 = i;
            while (i < lineEnd && Chars.isDigit(data[i])) {
                i++;
            }
            wellFormed = i > d1 && i < lineEnd && data[i] == '.';
            int d2 = ++i;
            while (i < lineEnd && Chars.isDigit(data[i])) {
                i++;
            }
            wellFormed = wellFormed && i > d2 && i == lineEnd;
        }
        if (!wellFormed) {
            throw new SipParseException(SipErrorCode.BAD_REQUEST_LINE, "malformed SIP-Version", vs - base);
        }
        String v = new String(data, vs, lineEnd - vs, StandardCharsets.ISO_8859_1);
        if (v.regionMatches(true, 0, "SIP/2.0", 0, 7)) {
            return;
        }
        throw new SipParseException(SipErrorCode.VERSION_NOT_SUPPORTED, "unsupported version " + v, vs - base);
    }

    private static String internMethod(byte[] data, int p, int end) {
        String m = new String(data, p, end - p, StandardCharsets.ISO_8859_1);
        String known = SipMethod.intern(m);
        return known != null ? known : m;
    }

    static int indexOf(byte[] data, int p, int end, byte b) {
        for (int i = p; i < end; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Scans the header section into fields; returns the index of the first body byte. Stateful,
     * one per parse.
     */
    static final class HeaderScan {
        private final SipLimits limits;
        private Header[] headers = new Header[24];
        private String[] canonical = new String[24];
        private int[] valueOffsets = new int[24];
        private int count;
        private final String[] canonOut = new String[1];

        HeaderScan(SipLimits limits) {
            this.limits = limits;
        }

        int scan(byte[] data, int base, int p, int end) throws SipParseException {
            while (true) {
                if (p >= end) {
                    throw new SipParseException(SipErrorCode.TRUNCATED,
                            "header section not terminated by an empty line", end - base);
                }
                // empty line: end of headers
                if (data[p] == '\n') {
                    return p + 1;
                }
                if (data[p] == '\r' && p + 1 < end && data[p + 1] == '\n') {
                    return p + 2;
                }
                if (data[p] == ' ' || data[p] == '\t') {
                    throw new SipParseException(SipErrorCode.BAD_HEADER_LINE,
                            "continuation line without a header field", p - base);
                }
                // field: one line plus continuation lines
                int lf = indexOfLf(data, p, end);
                if (lf < 0) {
                    throw new SipParseException(SipErrorCode.TRUNCATED, "header line not terminated", end - base);
                }
                boolean folded = false;
                while (lf + 1 < end && (data[lf + 1] == ' ' || data[lf + 1] == '\t')) {
                    folded = true;
                    lf = indexOfLf(data, lf + 1, end);
                    if (lf < 0) {
                        throw new SipParseException(SipErrorCode.TRUNCATED, "header line not terminated",
                                end - base);
                    }
                }
                int fieldEnd = lf > p && data[lf - 1] == '\r' ? lf - 1 : lf;
                if (fieldEnd - p > limits.maxLineLength()) {
                    throw new SipParseException(SipErrorCode.LINE_TOO_LONG, "header field longer than "
                            + limits.maxLineLength(), p - base);
                }
                field(data, base, p, fieldEnd, folded);
                p = lf + 1;
            }
        }

        private void field(byte[] data, int base, int p, int end, boolean folded) throws SipParseException {
            int ne = p;
            int hash = 0;
            while (ne < end && Chars.isTokenChar(data[ne])) {
                hash = KnownNames.mix(hash, data[ne]);
                ne++;
            }
            if (ne == p) {
                throw new SipParseException(SipErrorCode.BAD_HEADER_LINE, "header name is not a token", p - base);
            }
            int colon = ne;
            while (colon < end && (data[colon] == ' ' || data[colon] == '\t' || data[colon] == '\r'
                    || data[colon] == '\n')) {
                colon++;
            }
            if (colon >= end || data[colon] != ':') {
                throw new SipParseException(SipErrorCode.BAD_HEADER_LINE, "header field without ':'", ne - base);
            }
            if (count == limits.maxHeaderCount()) {
                throw new SipParseException(SipErrorCode.TOO_MANY_HEADERS, "more than "
                        + limits.maxHeaderCount() + " header fields", p - base);
            }
            String name = KnownNames.nameAsWritten(data, p, ne, hash, canonOut);
            String canon = canonOut[0];
            int vs = colon + 1;
            int ve = end;
            String value;
            if (!folded) {
                while (vs < ve && (data[vs] == ' ' || data[vs] == '\t')) {
                    vs++;
                }
                while (ve > vs && (data[ve - 1] == ' ' || data[ve - 1] == '\t')) {
                    ve--;
                }
                if (ve - vs > limits.maxHeaderValueLength()) {
                    throw new SipParseException(SipErrorCode.VALUE_TOO_LONG, "value of " + name
                            + " longer than " + limits.maxHeaderValueLength(), vs - base);
                }
                value = new String(data, vs, ve - vs, StandardCharsets.UTF_8);
            } else {
                value = unfold(data, vs, ve);
                if (value.length() > limits.maxHeaderValueLength()) {
                    throw new SipParseException(SipErrorCode.VALUE_TOO_LONG, "value of " + name
                            + " longer than " + limits.maxHeaderValueLength(), vs - base);
                }
            }
            if (value.indexOf('\r') >= 0) {
                throw new SipParseException(SipErrorCode.BAD_HEADER_LINE, "bare CR in value of " + name, vs - base);
            }
            if (count == headers.length) {
                headers = java.util.Arrays.copyOf(headers, count * 2);
                canonical = java.util.Arrays.copyOf(canonical, count * 2);
                valueOffsets = java.util.Arrays.copyOf(valueOffsets, count * 2);
            }
            headers[count] = new Header(name, value);
            canonical[count] = canon;
            valueOffsets[count] = vs - base;
            count++;
        }

        /** Replaces each CRLF (or LF) plus the following whitespace with one SP (s7.3.1), then trims. */
        private static String unfold(byte[] data, int vs, int ve) {
            byte[] out = new byte[ve - vs];
            int n = 0;
            for (int i = vs; i < ve; i++) {
                byte b = data[i];
                boolean lineBreak = b == '\n' || (b == '\r' && i + 1 < ve && data[i + 1] == '\n');
                if (lineBreak) {
                    if (b == '\r') {
                        i++;
                    }
                    while (i + 1 < ve && (data[i + 1] == ' ' || data[i + 1] == '\t')) {
                        i++;
                    }
                    out[n++] = ' ';
                } else {
                    out[n++] = b;
                }
            }
            int s = 0;
            while (s < n && (out[s] == ' ' || out[s] == '\t')) {
                s++;
            }
            while (n > s && (out[n - 1] == ' ' || out[n - 1] == '\t')) {
                n--;
            }
            return new String(out, s, n - s, StandardCharsets.UTF_8);
        }

        Header[] headers() {
            return count == headers.length ? headers : java.util.Arrays.copyOf(headers, count);
        }

        /** Offset of each value's first byte from the start of the parsed range. */
        int[] valueOffsets() {
            return valueOffsets;
        }

        String[] canonical() {
            return count == canonical.length ? canonical : java.util.Arrays.copyOf(canonical, count);
        }

        List<Header> list() {
            List<Header> l = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                l.add(headers[i]);
            }
            return l;
        }
    }
}
