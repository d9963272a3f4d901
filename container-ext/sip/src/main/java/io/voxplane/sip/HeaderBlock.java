package io.voxplane.sip;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoded header section of one message: every field as received plus the typed values of the
 * core headers (RFC 3261 s8.1.1 and s20), decoded eagerly. Immutable once built. Shared by the parser
 * and the builders so that both apply the same rules.
 */
final class HeaderBlock {

    final Header[] headers;
    /** Canonical name per field (identity-comparable constant) or null for unknown headers. */
    final String[] canonical;

    List<Via> vias = List.of();
    Address from;
    Address to;
    String callId;
    CSeq cseq;
    int maxForwards = -1;
    List<Address> contacts = List.of();
    boolean wildcardContact;
    List<Address> routes = List.of();
    List<Address> recordRoutes = List.of();
    String contentType;
    int expires = -1;
    /** Declared Content-Length, -1 when absent. */
    int contentLength = -1;
    List<AuthValue> authorizations = List.of();
    List<AuthValue> proxyAuthorizations = List.of();
    List<AuthValue> wwwAuthenticates = List.of();
    List<AuthValue> proxyAuthenticates = List.of();

    private HeaderBlock(Header[] headers, String[] canonical) {
        this.headers = headers;
        this.canonical = canonical;
    }

    /**
     * Decodes the typed values; {@code canonical} may be null and is then computed. {@code valueOffsets} (may be null) gives each value's
     * offset in the message so that errors carry message offsets. {@code known} (may be null)
     * holds typed values for some fields (a builder's typed setter, a field copied from a decoded
     * message): for those very fields the value is taken as it is instead of parsing its text
     * again: a {@code List<Via>} for a Via field, an {@link Address} for From, To and one-value
     * Contact fields, a {@link CSeq}, the Call-ID string.
     */
    static HeaderBlock decode(Header[] headers, String[] canonical, int[] valueOffsets, KnownValues known)
            throws SipParseException {
        if (canonical == null) {
            canonical = new String[headers.length];
            for (int i = 0; i < headers.length; i++) {
                canonical[i] = HeaderNames.canonical(headers[i].name());
            }
        }
        HeaderBlock b = new HeaderBlock(headers, canonical);
        UriParser.ParamScan scan = new UriParser.ParamScan();
        List<Via> vias = null;
        List<Address> contacts = null;
        List<Address> routes = null;
        List<Address> recordRoutes = null;
        for (int i = 0; i < headers.length; i++) {
            String c = canonical[i];
            if (c == null) {
                continue;
            }
            String v = headers[i].value();
            Object typed = known == null ? null : known.get(headers[i]);
            try {
                switch (c) {
                    case HeaderNames.VIA -> {
                        if (vias == null) {
                            vias = new ArrayList<>(4);
                        }
                        if (typed instanceof List<?> values) {
                            for (Object via : values) {
                                vias.add((Via) via);
                            }
                        } else {
                            ValueParser.vias(v, vias, false, scan);
                        }
                    }
                    case HeaderNames.FROM -> {
                        single(b.from, c);
                        b.from = typed instanceof Address a ? a : ValueParser.address(v, SipErrorCode.BAD_ADDRESS, scan);
                    }
                    case HeaderNames.TO -> {
                        single(b.to, c);
                        b.to = typed instanceof Address a ? a : ValueParser.address(v, SipErrorCode.BAD_ADDRESS, scan);
                    }
                    case HeaderNames.CALL_ID -> {
                        single(b.callId, c);
                        if (!(typed instanceof String)) {
                            ValueParser.checkCallId(v);
                        }
                        b.callId = v;
                    }
                    case HeaderNames.CSEQ -> {
                        single(b.cseq, c);
                        b.cseq = typed instanceof CSeq q ? q : ValueParser.cseq(v);
                    }
                    case HeaderNames.MAX_FORWARDS -> {
                        if (b.maxForwards >= 0) {
                            single(c, c);
                        }
                        b.maxForwards = ValueParser.maxForwards(v);
                    }
                    case HeaderNames.CONTACT -> {
                        if (v.equals("*")) {
                            if (b.wildcardContact || contacts != null) {
                                throw new SipParseException(SipErrorCode.BAD_ADDRESS,
                                        "Contact '*' combined with other Contact values", -1);
                            }
                            b.wildcardContact = true;
                        } else {
                            if (b.wildcardContact) {
                                throw new SipParseException(SipErrorCode.BAD_ADDRESS,
                                        "Contact '*' combined with other Contact values", -1);
                            }
                            if (contacts == null) {
                                contacts = new ArrayList<>(2);
                            }
                            if (typed instanceof Address a) {
                                contacts.add(a);
                            } else {
                                ValueParser.addresses(v, SipErrorCode.BAD_ADDRESS, contacts, scan);
                            }
                        }
                    }
                    case HeaderNames.ROUTE -> {
                        if (routes == null) {
                            routes = new ArrayList<>(2);
                        }
                        ValueParser.addresses(v, SipErrorCode.BAD_ADDRESS, routes, scan);
                    }
                    case HeaderNames.RECORD_ROUTE -> {
                        if (recordRoutes == null) {
                            recordRoutes = new ArrayList<>(2);
                        }
                        ValueParser.addresses(v, SipErrorCode.BAD_ADDRESS, recordRoutes, scan);
                    }
                    case HeaderNames.CONTENT_TYPE -> {
                        single(b.contentType, c);
                        ValueParser.checkMediaType(v, scan);
                        b.contentType = v;
                    }
                    case HeaderNames.CONTENT_LENGTH -> {
                        if (b.contentLength >= 0) {
                            throw new SipParseException(SipErrorCode.MULTIPLE_CONTENT_LENGTH,
                                    "more than one Content-Length", -1);
                        }
                        int n = ValueParser.contentLength(v);
                        if (n < 0) {
                            throw new SipParseException(SipErrorCode.BAD_CONTENT_LENGTH,
                                    "Content-Length '" + v + "' is not a valid length", -1);
                        }
                        b.contentLength = n;
                    }
                    case HeaderNames.EXPIRES -> {
                        if (b.expires >= 0) {
                            single(c, c);
                        }
                        b.expires = ValueParser.expires(v);
                    }
                    case HeaderNames.AUTHORIZATION -> b.authorizations = add(b.authorizations, ValueParser.auth(v));
                    case HeaderNames.PROXY_AUTHORIZATION ->
                            b.proxyAuthorizations = add(b.proxyAuthorizations, ValueParser.auth(v));
                    case HeaderNames.WWW_AUTHENTICATE -> b.wwwAuthenticates = add(b.wwwAuthenticates, ValueParser.auth(v));
                    case HeaderNames.PROXY_AUTHENTICATE ->
                            b.proxyAuthenticates = add(b.proxyAuthenticates, ValueParser.auth(v));
                    default -> {
                        // other known headers are decoded on demand
                    }
                }
            } catch (SipParseException e) {
                throw inHeader(e, c, valueOffsets == null ? -1 : valueOffsets[i]);
            }
        }
        if (vias != null) {
            b.vias = frozen(vias);
        }
        if (contacts != null) {
            b.contacts = frozen(contacts);
        }
        if (routes != null) {
            b.routes = frozen(routes);
        }
        if (recordRoutes != null) {
            b.recordRoutes = frozen(recordRoutes);
        }
        return b;
    }

    /**
     * Puts the header name and the message offset into a value error; names the header in the reason
     * phrase when the code does not already say which header it is (an address, URI or quoted string
     * problem), e.g. {@code Bad Request (Invalid address in To)}.
     */
    private static SipParseException inHeader(SipParseException e, String header, int valueOffset) {
        SipErrorCode code = e.error();
        int offset = valueOffset < 0 ? -1 : valueOffset + Math.max(0, e.offset());
        String message = e.getMessage().substring(code.code().length() + 1);
        int at = message.lastIndexOf(" at offset ");
        if (at >= 0) {
            message = message.substring(0, at);
        }
        if (code != SipErrorCode.BAD_ADDRESS && code != SipErrorCode.BAD_URI
                && code != SipErrorCode.UNTERMINATED_QUOTE) {
            return new SipParseException(code, e.statusCode(), e.reasonPhrase(), message + " in " + header, offset,
                    false, false, null);
        }
        return SipParseException.named(code, code.detail() + " in " + header, message + " in " + header, offset);
    }

    /** An unmodifiable view of a list nobody else holds. */
    private static <T> List<T> frozen(List<T> list) {
        return list.size() == 1 ? List.of(list.get(0)) : java.util.Collections.unmodifiableList(list);
    }

    private static List<AuthValue> add(List<AuthValue> list, AuthValue v) {
        if (list.isEmpty()) {
            return List.of(v);
        }
        List<AuthValue> l = new ArrayList<>(list);
        l.add(v);
        return List.copyOf(l);
    }

    private static void single(Object existing, String name) throws SipParseException {
        if (existing != null) {
            throw SipParseException.named(SipErrorCode.DUPLICATE_HEADER, "Multiple " + name + " values",
                    "more than one " + name + " header field", -1);
        }
    }

    String first(String name) {
        String c = HeaderNames.canonical(name);
        for (int i = 0; i < headers.length; i++) {
            if (c != null ? canonical[i] == c : headers[i].name().equalsIgnoreCase(name)) {
                return headers[i].value();
            }
        }
        return null;
    }

    List<String> all(String name) {
        String c = HeaderNames.canonical(name);
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < headers.length; i++) {
            if (c != null ? canonical[i] == c : headers[i].name().equalsIgnoreCase(name)) {
                out.add(headers[i].value());
            }
        }
        return out;
    }

    /** Every token of every field of that name (s7.3.1 comma lists), tolerant of empty elements. */
    List<String> tokens(String name) {
        List<String> out = new ArrayList<>(4);
        for (String v : all(name)) {
            int start = 0;
            int n = v.length();
            for (int i = 0; i <= n; i++) {
                if (i == n || v.charAt(i) == ',') {
                    String t = v.substring(start, i).strip();
                    if (!t.isEmpty()) {
                        out.add(t);
                    }
                    start = i + 1;
                }
            }
        }
        return List.copyOf(out);
    }
}
