package io.voxplane.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parsers for the header field values of RFC 3261 s25.1 (after unfolding, so LWS is plain SP/HT).
 * Named after the ABNF rules: {@code via-parm}, {@code name-addr}/{@code addr-spec}, {@code CSeq},
 * {@code callid}, {@code media-type}, token lists, {@code challenge}/{@code credentials}.
 * Each throws {@link SipParseException} carrying the code of the header being parsed.
 */
final class ValueParser {

    private ValueParser() {
    }

    // ---------------------------------------------------------------- cursor helpers

    static int skipWs(String s, int p, int end) {
        while (p < end) {
            char c = s.charAt(p);
            if (c != ' ' && c != '\t') {
                break;
            }
            p++;
        }
        return p;
    }

    static int tokenEnd(String s, int p, int end) {
        while (p < end && Chars.isTokenChar(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** {@code quoted-string}: p at the opening quote; returns the index after the closing quote. */
    static int quotedEnd(String s, int p, int end, SipErrorCode code) throws SipParseException {
        int i = p + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
            }
            i++;
        }
        throw new SipParseException(SipErrorCode.UNTERMINATED_QUOTE,
                "unterminated quoted string (" + code.detail() + ")", p);
    }

    /** The content of a quoted string with quoted-pairs resolved; p..q includes the quotes. */
    static String unquote(String s, int p, int q) {
        int bs = s.indexOf('\\', p + 1, q - 1);
        if (bs < 0) {
            return s.substring(p + 1, q - 1);
        }
        StringBuilder sb = new StringBuilder(q - p);
        for (int i = p + 1; i < q - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < q - 1) {
                i++;
                c = s.charAt(i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Appends {@code text} as a quoted-string, escaping '"' and '\'. */
    static void appendQuoted(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    static SipParseException error(SipErrorCode code, String what, int offset) {
        return new SipParseException(code, what, offset);
    }

    /**
     * {@code *( SEMI generic-param )} with LWS around ';' and '='. Values are token, host (incl. IPv6
     * references and bare IPv6 for received, RFC 5118 s4.5) or quoted-string kept with quotes.
     * Returns the index of the first character that is not part of the parameters.
     */
    static int genericParams(String s, int p, int end, UriParser.ParamScan scan, SipErrorCode code)
            throws SipParseException {
        while (true) {
            int q = skipWs(s, p, end);
            if (q >= end || s.charAt(q) != ';') {
                return p;
            }
            q = skipWs(s, q + 1, end);
            int ns = q;
            q = tokenEnd(s, q, end);
            if (q == ns) {
                throw error(code, "empty or invalid parameter name", ns);
            }
            String name = s.substring(ns, q);
            String value = null;
            int r = skipWs(s, q, end);
            if (r < end && s.charAt(r) == '=') {
                r = skipWs(s, r + 1, end);
                if (r < end && s.charAt(r) == '"') {
                    int e = quotedEnd(s, r, end, code);
                    value = s.substring(r, e);
                    q = e;
                } else {
                    int vs = r;
                    while (r < end) {
                        char c = s.charAt(r);
                        if (Chars.isTokenChar(c) || c == ':' || c == '[' || c == ']') {
                            r++;
                        } else {
                            break;
                        }
                    }
                    if (r == vs) {
                        throw error(code, "empty value for parameter '" + name + "'", vs);
                    }
                    value = s.substring(vs, r);
                    q = r;
                }
            }
            scan.add(name, value);
            p = q;
        }
    }

    // ---------------------------------------------------------------- Via (s20.42)

    static List<Via> vias(String s) throws SipParseException {
        List<Via> out = new ArrayList<>(2);
        vias(s, out, false, new UriParser.ParamScan());
        return out;
    }

    /**
     * Parses a Via list; {@code anyVersion} accepts any protocol version (used only to answer a request
     * with 505, s8.2.6.2, whose Via carries the unsupported version too).
     */
    static void vias(String s, List<Via> out, boolean anyVersion, UriParser.ParamScan scan)
            throws SipParseException {
        int end = s.length();
        int p = 0;
        while (true) {
            p = skipWs(s, p, end);
            // sent-protocol = protocol-name SLASH protocol-version SLASH transport
            int t = tokenEnd(s, p, end);
            if (t - p != 3 || (s.charAt(p) | 0x20) != 's' || (s.charAt(p + 1) | 0x20) != 'i'
                    || (s.charAt(p + 2) | 0x20) != 'p') {
                throw error(SipErrorCode.BAD_VIA, "Via protocol is not SIP", p);
            }
            p = expectSlash(s, t, end);
            t = tokenEnd(s, p, end);
            if (t == p || (!anyVersion && (t - p != 3 || s.charAt(p) != '2' || s.charAt(p + 1) != '.'
                    || s.charAt(p + 2) != '0'))) {
                throw error(SipErrorCode.BAD_VIA, "Via protocol version is not 2.0", p);
            }
            p = expectSlash(s, t, end);
            t = tokenEnd(s, p, end);
            if (t == p) {
                throw error(SipErrorCode.BAD_VIA, "missing Via transport", p);
            }
            String transport = transportName(s, p, t);
            p = skipWs(s, t, end);
            if (p == t) {
                throw error(SipErrorCode.BAD_VIA, "missing space before Via sent-by", p);
            }
            int h = UriParser.hostEnd(s, p, end, SipErrorCode.BAD_VIA);
            String host = s.substring(p, h);
            p = skipWs(s, h, end);
            int port = -1;
            if (p < end && s.charAt(p) == ':') {
                p = skipWs(s, p + 1, end);
                int ps = p;
                int v = 0;
                while (p < end && Chars.isDigit(s.charAt(p))) {
                    v = v * 10 + (s.charAt(p) - '0');
                    if (v > 65535) {
                        throw error(SipErrorCode.BAD_VIA, "Via port out of range", ps);
                    }
                    p++;
                }
                if (p == ps) {
                    throw error(SipErrorCode.BAD_VIA, "invalid Via port", ps);
                }
                port = v;
            } else {
                p = h;
            }
            Parameters params = Parameters.empty();
            int q = skipWs(s, p, end);
            if (q < end && s.charAt(q) == ';') {
                scan.reset();
                p = genericParams(s, p, end, scan, SipErrorCode.BAD_VIA);
                params = scan.result();
            }
            out.add(new Via(transport, host, port, params));
            p = skipWs(s, p, end);
            if (p >= end) {
                return;
            }
            if (s.charAt(p) != ',') {
                throw error(SipErrorCode.BAD_VIA, "unexpected '" + UriParser.printable(s.charAt(p)) + "' in Via", p);
            }
            p++;
        }
    }

    private static String transportName(String s, int p, int t) {
        int len = t - p;
        if (len == 3) {
            int a = s.charAt(p) | 0x20;
            int b = s.charAt(p + 1) | 0x20;
            int c = s.charAt(p + 2) | 0x20;
            if (a == 'u' && b == 'd' && c == 'p') {
                return "UDP";
            }
            if (a == 't' && b == 'c' && c == 'p') {
                return "TCP";
            }
            if (a == 't' && b == 'l' && c == 's') {
                return "TLS";
            }
        }
        return s.substring(p, t).toUpperCase(Locale.ROOT);
    }

    private static int expectSlash(String s, int p, int end) throws SipParseException {
        p = skipWs(s, p, end);
        if (p >= end || s.charAt(p) != '/') {
            throw error(SipErrorCode.BAD_VIA, "expected '/' in Via sent-protocol", p);
        }
        return skipWs(s, p + 1, end);
    }

    // ---------------------------------------------------------------- addresses (s20.10, s25.1)

    static Address address(String s, SipErrorCode code) throws SipParseException {
        return address(s, code, new UriParser.ParamScan());
    }

    /** Exactly one address (From, To), nothing after it. */
    static Address address(String s, SipErrorCode code, UriParser.ParamScan scan) throws SipParseException {
        Address a = address(s, 0, s.length(), code, scan, false);
        int p = skipWs(s, scan.pos, s.length());
        if (p != s.length()) {
            throw error(code, "unexpected '" + UriParser.printable(s.charAt(p)) + "' after address", p);
        }
        return a;
    }

    static List<Address> addresses(String s, SipErrorCode code) throws SipParseException {
        List<Address> out = new ArrayList<>(2);
        addresses(s, code, out, new UriParser.ParamScan());
        return out;
    }

    /** A comma-separated list of addresses (Contact, Route, Record-Route), appended to {@code out}. */
    static void addresses(String s, SipErrorCode code, List<Address> out, UriParser.ParamScan scan)
            throws SipParseException {
        int end = s.length();
        int p = 0;
        while (true) {
            out.add(address(s, p, end, code, scan, true));
            p = skipWs(s, scan.pos, end);
            if (p >= end) {
                return;
            }
            if (s.charAt(p) != ',') {
                throw error(code, "unexpected '" + UriParser.printable(s.charAt(p)) + "' in address list", p);
            }
            p++;
        }
    }

    /**
     * {@code (name-addr / addr-spec) *(SEMI generic-param)} starting at p; returns it and leaves the
     * index after it in {@code scan.pos}.
     */
    static Address address(String s, int p, int end, SipErrorCode code, UriParser.ParamScan scan, boolean inList)
            throws SipParseException {
        p = skipWs(s, p, end);
        if (p >= end) {
            throw error(code, "empty address", p);
        }
        String display = null;
        int uriStart;
        int uriEnd;
        char c = s.charAt(p);
        if (c == '"') {
            int q = quotedEnd(s, p, end, code);
            display = unquote(s, p, q);
            p = skipWs(s, q, end);
            if (p >= end || s.charAt(p) != '<') {
                throw error(code, "expected '<' after display name", p);
            }
        } else if (c != '<') {
            // Either *(token LWS) "<" or an addr-spec: look for '<' after tokens and LWS.
            int q = p;
            while (q < end) {
                char d = s.charAt(q);
                if (Chars.isTokenChar(d) || d == ' ' || d == '\t') {
                    q++;
                } else {
                    break;
                }
            }
            if (q < end && s.charAt(q) == '<') {
                int de = q;
                while (de > p && (s.charAt(de - 1) == ' ' || s.charAt(de - 1) == '\t')) {
                    de--;
                }
                display = de > p ? collapseWs(s, p, de) : null;
                p = q;
            } else {
                // addr-spec: the URI ends at ';' ',' or whitespace; its parameters are header params.
                uriStart = p;
                q = p;
                while (q < end) {
                    char d = s.charAt(q);
                    if (d == ';' || d == ' ' || d == '\t' || (inList && d == ',')) {
                        break;
                    }
                    if (d == '<' || d == '>' || d == '"') {
                        throw error(code, "invalid character '" + d + "' in addr-spec", q);
                    }
                    if (d == '?') {
                        throw error(code, "URI with headers must be enclosed in <> (s20.10)", q);
                    }
                    q++;
                }
                uriEnd = q;
                Uri uri = UriParser.parseUri(s, uriStart, uriEnd, code, scan);
                return finishAddress(s, q, end, code, scan, null, uri);
            }
        }
        // p at '<'
        uriStart = p + 1;
        int gt = s.indexOf('>', uriStart);
        if (gt < 0 || gt > end) {
            throw error(code, "missing '>'", p);
        }
        uriEnd = gt;
        Uri uri = UriParser.parseUri(s, uriStart, uriEnd, code, scan);
        return finishAddress(s, gt + 1, end, code, scan, display, uri);
    }

    private static Address finishAddress(String s, int p, int end, SipErrorCode code, UriParser.ParamScan scan,
                                         String display, Uri uri) throws SipParseException {
        Parameters params = Parameters.empty();
        int q = skipWs(s, p, end);
        if (q < end && s.charAt(q) == ';') {
            scan.reset();
            p = genericParams(s, p, end, scan, code);
            params = scan.result();
        }
        scan.pos = p;
        return new Address(display, uri, params);
    }

    private static String collapseWs(String s, int p, int end) {
        StringBuilder sb = null;
        for (int i = p; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\t' || (c == ' ' && i + 1 < end && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t'))) {
                if (sb == null) {
                    sb = new StringBuilder(end - p);
                    sb.append(s, p, i);
                }
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else if (sb != null) {
                if (c == ' ' && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                    continue;
                }
                sb.append(c);
            }
        }
        return sb == null ? s.substring(p, end) : sb.toString();
    }

    // ---------------------------------------------------------------- scalars

    /** {@code CSeq = 1*DIGIT LWS Method} (s20.16); number up to 2^32-1. */
    static CSeq cseq(String s) throws SipParseException {
        int end = s.length();
        int p = skipWs(s, 0, end);
        int ds = p;
        long n = 0;
        while (p < end && Chars.isDigit(s.charAt(p))) {
            n = n * 10 + (s.charAt(p) - '0');
            if (n > CSeq.MAX) {
                throw error(SipErrorCode.BAD_CSEQ, "CSeq number above 2^32-1", ds);
            }
            p++;
        }
        if (p == ds) {
            throw error(SipErrorCode.BAD_CSEQ, "CSeq without number", ds);
        }
        int ms = skipWs(s, p, end);
        if (ms == p) {
            throw error(SipErrorCode.BAD_CSEQ, "CSeq without space before method", p);
        }
        int me = tokenEnd(s, ms, end);
        if (me == ms || skipWs(s, me, end) != end) {
            throw error(SipErrorCode.BAD_CSEQ, "CSeq method is not a token", ms);
        }
        String m = s.substring(ms, me);
        String known = SipMethod.intern(m);
        return new CSeq(n, known != null ? known : m);
    }

    /** {@code Max-Forwards = 1*DIGIT} (s20.22), 0..255. */
    static int maxForwards(String s) throws SipParseException {
        return smallNumber(s, 255, SipErrorCode.BAD_MAX_FORWARDS);
    }

    static int smallNumber(String s, int max, SipErrorCode code) throws SipParseException {
        int n = s.length();
        if (n == 0) {
            throw error(code, "empty number", 0);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Chars.isDigit(c)) {
                throw error(code, "not a decimal number: '" + s + "'", i);
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                throw error(code, "number above " + max, i);
            }
        }
        return (int) v;
    }

    /**
     * {@code Expires = delta-seconds} (s20.19). Values above 2^31-1 are clamped; a malformed or
     * overflowing value is treated as 3600 as s20.19 / RFC 4475 s3.1.2.4 allow.
     */
    static int expires(String s) {
        int n = s.length();
        if (n == 0) {
            return 3600;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Chars.isDigit(c)) {
                return 3600;
            }
            v = v * 10 + (c - '0');
            if (v > CSeq.MAX) {
                return 3600;
            }
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    /** {@code Content-Length = 1*DIGIT} (s20.14); -1 when malformed or above the int range. */
    static int contentLength(String s) {
        int n = s.length();
        if (n == 0) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!Chars.isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
            if (v > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return (int) v;
    }

    /** {@code callid = word [ "@" word ]} (s20.8). */
    static void checkCallId(String s) throws SipParseException {
        int n = s.length();
        if (n == 0) {
            throw error(SipErrorCode.BAD_CALL_ID, "empty Call-ID", 0);
        }
        boolean at = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '@' && !at && i > 0 && i < n - 1) {
                at = true;
            } else if (!Chars.isWordChar(c)) {
                throw error(SipErrorCode.BAD_CALL_ID, "invalid character in Call-ID", i);
            }
        }
    }

    /** {@code media-type = m-type SLASH m-subtype *(SEMI m-parameter)} (s20.15). */
    static void checkMediaType(String s, UriParser.ParamScan scan) throws SipParseException {
        int end = s.length();
        int p = tokenEnd(s, 0, end);
        if (p == 0) {
            throw error(SipErrorCode.BAD_CONTENT_TYPE, "missing media type", 0);
        }
        p = skipWs(s, p, end);
        if (p >= end || s.charAt(p) != '/') {
            throw error(SipErrorCode.BAD_CONTENT_TYPE, "missing '/' in media type", p);
        }
        p = skipWs(s, p + 1, end);
        int q = tokenEnd(s, p, end);
        if (q == p) {
            throw error(SipErrorCode.BAD_CONTENT_TYPE, "missing media subtype", p);
        }
        scan.reset();
        q = genericParams(s, q, end, scan, SipErrorCode.BAD_CONTENT_TYPE);
        if (skipWs(s, q, end) != end) {
            throw error(SipErrorCode.BAD_CONTENT_TYPE, "unexpected character in media type", q);
        }
    }

    /** {@code token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} up to the end (RFC 7235). */
    private static boolean isToken68(String s, int p, int end) {
        int e = end;
        while (e > p && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        int i = p;
        while (i < e) {
            char c = s.charAt(i);
            if (Chars.isAlphaNum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/') {
                i++;
            } else {
                break;
            }
        }
        if (i == p) {
            return false;
        }
        while (i < e && s.charAt(i) == '=') {
            i++;
        }
        // "name=value" is an auth-param, not token68: token68 has only trailing '='s
        return i == e;
    }

    /**
     * {@code challenge / credentials} (s25.1, RFC 7616): {@code scheme LWS auth-param *(COMMA auth-param)}
     * or {@code scheme LWS token68}. Quoted values are unquoted.
     */
    static AuthValue auth(String s) throws SipParseException {
        int end = s.length();
        int p = skipWs(s, 0, end);
        int q = tokenEnd(s, p, end);
        if (q == p) {
            throw error(SipErrorCode.BAD_AUTH, "missing authentication scheme", p);
        }
        String scheme = s.substring(p, q);
        p = skipWs(s, q, end);
        if (p < end && p == q) {
            throw error(SipErrorCode.BAD_AUTH, "missing space after authentication scheme", p);
        }
        List<AuthValue.Param> params = new ArrayList<>(8);
        if (p < end && isToken68(s, p, end)) {
            int e = end;
            while (e > p && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
                e--;
            }
            return new AuthValue(scheme, List.of(), s.substring(p, e));
        }
        while (p < end) {
            int ns = p;
            q = tokenEnd(s, p, end);
            if (q == ns) {
                throw error(SipErrorCode.BAD_AUTH, "expected auth-param name", p);
            }
            int r = skipWs(s, q, end);
            if (r >= end || s.charAt(r) != '=') {
                // token68 form (e.g. Basic/Bearer credentials): the rest verbatim, only when first.
                if (!params.isEmpty()) {
                    throw error(SipErrorCode.BAD_AUTH, "expected '=' in auth-param", r);
                }
                int e = end;
                while (e > ns && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
                    e--;
                }
                return new AuthValue(scheme, List.of(), s.substring(ns, e));
            }
            r = skipWs(s, r + 1, end);
            String value;
            boolean quoted = r < end && s.charAt(r) == '"';
            if (quoted) {
                int e = quotedEnd(s, r, end, SipErrorCode.BAD_AUTH);
                value = unquote(s, r, e);
                r = e;
            } else {
                int vs = r;
                while (r < end && s.charAt(r) != ',' && s.charAt(r) != ' ' && s.charAt(r) != '\t') {
                    r++;
                }
                if (r == vs) {
                    throw error(SipErrorCode.BAD_AUTH, "empty auth-param value", vs);
                }
                value = s.substring(vs, r);
            }
            params.add(new AuthValue.Param(s.substring(ns, q), value, quoted));
            p = skipWs(s, r, end);
            if (p < end) {
                if (s.charAt(p) != ',') {
                    throw error(SipErrorCode.BAD_AUTH, "expected ',' between auth-params", p);
                }
                p = skipWs(s, p + 1, end);
                if (p >= end) {
                    throw error(SipErrorCode.BAD_AUTH, "trailing ',' in auth-params", p);
                }
            }
        }
        return new AuthValue(scheme, params, null);
    }
}
