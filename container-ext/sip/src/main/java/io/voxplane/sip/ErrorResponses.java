package io.voxplane.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the stateless error response of RFC 3261 s8.2.6 for a request that failed to parse: a
 * tolerant second pass over the header section reads Via, From, To, Call-ID and CSeq (the first of
 * each single-value header) and, when all are readable, copies them into a response.
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
}
