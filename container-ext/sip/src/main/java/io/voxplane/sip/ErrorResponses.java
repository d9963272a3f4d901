package io.voxplane.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the stateless error response of RFC 3261 s8.2.6 for a request that failed to parse: a
 * tolerant second pass over the header section reads Via, From, To, Call-ID and CSeq (the first of
 * each single-value header) and, when all are readable, copies them into a response.
 *
 * <p>When one of them is itself the broken part, {@link #raw} builds the response as bytes instead
 * ({@link RawErrorResponse}), copying the request's own lines.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static SipResponse bestEffort(byte[] data, int p, int end, int status, String reason) {
        int lf = SipParser.indexOfLf(data, p, end);
        if (lf < 0) {
            return null;
        }
        SipLimits lenient = SipLimits.defaults();
        List<Header> fields = new ArrayList<>();
        int q = lf + 1;
        // Tolerant field split: stop at the empty line, the end, or anything that does not look like a field.
        while (q < end && fields.size() < lenient.maxHeaderCount()) {
            if (data[q] == '\n' || (data[q] == '\r' && q + 1 < end && data[q + 1] == '\n')) {
                break;
            }
            int e = SipParser.indexOfLf(data, q, end);
            if (e < 0) {
                e = end;
            }
            while (e + 1 < end && (data[e + 1] == ' ' || data[e + 1] == '\t')) {
                int n = SipParser.indexOfLf(data, e + 1, end);
                e = n < 0 ? end : n;
            }
            SipParser.HeaderScan one = new SipParser.HeaderScan(lenient);
            byte[] line = new byte[e - q + 3];
            System.arraycopy(data, q, line, 0, Math.min(e + 1, end) - q);
            int len = Math.min(e + 1, end) - q;
            line[len] = '\r';
            line[len + 1] = '\n';
            try {
                one.scan(line, 0, 0, len + 2);
                fields.addAll(one.list());
            } catch (SipParseException ignored) {
                // an unreadable field does not stop the search for the ones a response needs
            }
            q = e + 1;
        }
        HeaderEditor editor = new HeaderEditor();
        boolean via = false;
        boolean from = false;
        boolean to = false;
        boolean callId = false;
        boolean cseq = false;
        try {
            for (Header h : fields) {
                String c = HeaderNames.canonical(h.name());
                if (c == null) {
                    continue;
                }
                switch (c) {
                    case HeaderNames.VIA -> {
                        List<Via> vias = new ArrayList<>(2);
                        ValueParser.vias(h.value(), vias, true, new UriParser.ParamScan());
                        for (Via v : vias) {
                            editor.add(c, v.toString());
                        }
                        via = true;
                    }
                    case HeaderNames.FROM -> {
                        if (!from) {
                            ValueParser.address(h.value(), SipErrorCode.BAD_ADDRESS);
                            editor.add(c, h.value());
                            from = true;
                        }
                    }
                    case HeaderNames.TO -> {
                        if (!to) {
                            ValueParser.address(h.value(), SipErrorCode.BAD_ADDRESS);
                            editor.add(c, h.value());
                            to = true;
                        }
                    }
                    case HeaderNames.CALL_ID -> {
                        if (!callId) {
                            ValueParser.checkCallId(h.value());
                            editor.add(c, h.value());
                            callId = true;
                        }
                    }
                    case HeaderNames.CSEQ -> {
                        if (!cseq) {
                            ValueParser.cseq(h.value());
                            editor.add(c, h.value());
                            cseq = true;
                        }
                    }
                    default -> {
                        // not needed in the response
                    }
                }
            }
        } catch (SipParseException | IllegalArgumentException e) {
            // one of the fields a response must copy is unreadable: no response can be formed
            return null;
        }
        if (!(via && from && to && callId && cseq)) {
            return null;
        }
        try {
            HeaderBlock b = editor.build(false);
            return new SipResponse(status, reason, b, null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * The stateless error response as wire bytes (RFC 3261 s8.2.6.2), for when {@link #bestEffort}
     * cannot build a typed one: every Via line, then the first From, To, Call-ID and CSeq line, as
     * the request wrote them (folds joined, CR and LF removed), then {@code Content-Length: 0}.
     * From/To/Call-ID/CSeq lines longer than {@code maxLineLength}, and lines past
     * {@code maxHeaderCount} fields or {@code maxMessageSize} bytes, are left out; an over-long Via
     * line means no answer, since the Via list must come back whole.
     *
     * <p>Missing From, To or Call-ID (RFC 4475 s3.3.1 insuf) do not prevent the answer: RFC 4475
     * asks for a 400 there, and the sender matches it by the Via branch it chose (s17.1.3), which
     * is copied; a client that cannot match it simply discards it, which costs nothing.
     *
     * @return null when no Via line can be read leniently, since then there is no way to route the
     *         response (s18.2.2) and nothing to match it against
     */
    static RawErrorResponse raw(byte[] data, int p, int end, int status, String reason, SipLimits limits) {
        int lf = SipParser.indexOfLf(data, p, end);
        if (lf < 0) {
            return null;
        }
        List<byte[]> vias = new ArrayList<>(2);
        byte[][] single = new byte[4][];
        Via topVia = null;
        int q = lf + 1;
        int fields = 0;
        while (q < end && fields < limits.maxHeaderCount()) {
            if (data[q] == '\n' || (data[q] == '\r' && q + 1 < end && data[q + 1] == '\n')) {
                break;
            }
            int e = SipParser.indexOfLf(data, q, end);
            if (e < 0) {
                e = end;
            }
            while (e + 1 < end && (data[e + 1] == ' ' || data[e + 1] == '\t')) {
                int n = SipParser.indexOfLf(data, e + 1, end);
                e = n < 0 ? end : n;
            }
            fields++;
            byte[] line = unfolded(data, q, e);
            q = e + 1;
            int colon = indexOf(line, (byte) ':');
            if (colon <= 0) {
                continue;
            }
            String c = HeaderNames.canonical(new String(line, 0, colon, StandardCharsets.ISO_8859_1).strip());
            if (c == null) {
                continue;
            }
            if (line.length > limits.maxLineLength()) {
                if (c.equals(HeaderNames.VIA)) {
                    // leaving out a Via would send the answer to, or match it at, the wrong hop
                    return null;
                }
                continue;
            }
            int slot = switch (c) {
                case HeaderNames.FROM -> 0;
                case HeaderNames.TO -> 1;
                case HeaderNames.CALL_ID -> 2;
                case HeaderNames.CSEQ -> 3;
                default -> -1;
            };
            if (c.equals(HeaderNames.VIA)) {
                if (topVia == null) {
                    topVia = lenientVia(new String(line, colon + 1, line.length - colon - 1,
                            StandardCharsets.ISO_8859_1));
                    if (topVia == null) {
                        // the top Via decides where the answer goes (s18.2.2): unreadable, nothing can be sent
                        return null;
                    }
                }
                vias.add(line);
            } else if (slot >= 0 && single[slot] == null) {
                single[slot] = line;
            }
        }
        if (topVia == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        String statusLine = "SIP/2.0 " + status + " " + reason.replace('\r', ' ').replace('\n', ' ');
        out.writeBytes(statusLine.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(CRLF);
        int room = limits.maxMessageSize() - out.size() - CONTENT_LENGTH_0.length - CRLF.length;
        for (byte[] v : vias) {
            if (v.length + CRLF.length > room) {
                return null;
            }
            room = append(out, v, room);
        }
        for (byte[] h : single) {
            if (h != null) {
                room = append(out, h, room);
            }
        }
        out.writeBytes(CONTENT_LENGTH_0);
        out.writeBytes(CRLF);
        return new RawErrorResponse(out.toByteArray(), topVia);
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTENT_LENGTH_0 = "Content-Length: 0\r\n".getBytes(StandardCharsets.US_ASCII);

    private static int append(ByteArrayOutputStream out, byte[] line, int room) {
        if (line.length + CRLF.length > room) {
            return room;
        }
        out.writeBytes(line);
        out.writeBytes(CRLF);
        return room - line.length - CRLF.length;
    }

    /** The field's bytes from {@code from} up to its final LF, with every CR and LF left out (folds keep their WS). */
    private static byte[] unfolded(byte[] data, int from, int lineEnd) {
        byte[] out = new byte[lineEnd - from];
        int n = 0;
        for (int i = from; i < lineEnd; i++) {
            byte b = data[i];
            if (b != '\r' && b != '\n') {
                out[n++] = b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int indexOf(byte[] line, byte b) {
        for (int i = 0; i < line.length; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first Via value read as far as routing needs: as written if it parses; else with empty
     * parameters dropped (RFC 4475 badinv01 {@code ;;,;,,}); else protocol and sent-by alone.
     */
    static Via lenientVia(String value) {
        String first = firstElement(value);
        StringBuilder kept = new StringBuilder(first.length());
        for (String part : first.split(";", -1)) {
            if (!part.isBlank()) {
                kept.append(kept.isEmpty() ? "" : ";").append(part);
            }
        }
        String compact = kept.toString();
        int semi = compact.indexOf(';');
        String bare = semi < 0 ? compact : compact.substring(0, semi);
        for (String candidate : new String[] {first, compact, bare}) {
            try {
                List<Via> one = new ArrayList<>(1);
                ValueParser.vias(candidate, one, true, new UriParser.ParamScan());
                if (one.size() == 1) {
                    return one.get(0);
                }
            } catch (SipParseException | IllegalArgumentException unreadable) {
                // try the next, more lenient reading
            }
        }
        return null;
    }

    /** The value up to the first comma outside a quoted string. */
    private static String firstElement(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\' && quoted) {
                i++;
            } else if (ch == ',' && !quoted) {
                return value.substring(0, i);
            }
        }
        return value;
    }
}
