package io.voxplane.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Scanner for RFC 3261 s25.1 {@code SIP-URI}, {@code SIPS-URI} and {@code absoluteURI}, plus RFC 3966
 * tel URIs, with RFC 5118 IPv6 references. Functions are named after the ABNF rules; each takes the
 * text and a [start, end) range and throws {@link SipParseException} with the offset on error.
 */
final class UriParser {

    private UriParser() {
    }

    static Uri parseUri(String s, int start, int end, SipErrorCode code) throws SipParseException {
        return parseUri(s, start, end, code, new ParamScan());
    }

    /** As {@link #parseUri(String, int, int, SipErrorCode)} reusing the caller's scratch space. */
    static Uri parseUri(String s, int start, int end, SipErrorCode code, ParamScan scan) throws SipParseException {
        // fast path for the common lower-case schemes
        if (end - start > 4 && s.charAt(start) == 's' && s.charAt(start + 1) == 'i' && s.charAt(start + 2) == 'p') {
            if (s.charAt(start + 3) == ':') {
                return sipUri(s, false, start + 4, end, code, scan);
            }
            if (s.charAt(start + 3) == 's' && s.charAt(start + 4) == ':') {
                return sipUri(s, true, start + 5, end, code, scan);
            }
        }
        int colon = -1;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colon = i;
                break;
            }
            boolean ok = i == start ? Chars.isAlpha(c) : Chars.isAlphaNum(c) || c == '+' || c == '-' || c == '.';
            if (!ok) {
                throw new SipParseException(code, "invalid URI scheme in '" + s.substring(start, end) + "'", i);
            }
        }
        if (colon <= start) {
            throw new SipParseException(code, "URI without scheme: '" + s.substring(start, end) + "'", start);
        }
        int schemeLen = colon - start;
        if (schemeLen == 3 && s.regionMatches(true, start, "sip", 0, 3)) {
            return sipUri(s, false, colon + 1, end, code, scan);
        }
        if (schemeLen == 4 && s.regionMatches(true, start, "sips", 0, 4)) {
            return sipUri(s, true, colon + 1, end, code, scan);
        }
        if (schemeLen == 3 && s.regionMatches(true, start, "tel", 0, 3)) {
            return telUri(s, colon + 1, end, code);
        }
        if (colon + 1 >= end) {
            throw new SipParseException(code, "empty URI after scheme", colon);
        }
        for (int i = colon + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == 0x7f) {
                throw new SipParseException(code, "invalid character in URI", i);
            }
        }
        return new AbsoluteUri(AbsoluteUri.lowerScheme(s.substring(start, colon)), s.substring(start, end));
    }

    /** {@code SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]}. */
    private static SipUri sipUri(String s, boolean secure, int p, int end, SipErrorCode code, ParamScan scan)
            throws SipParseException {
        String user = null;
        String password = null;
        int at = s.indexOf('@', p, end);
        if (at >= 0) {
            int pw = -1;
            for (int i = p; i < at; i++) {
                char c = s.charAt(i);
                if (c == ':' && pw < 0) {
                    pw = i;
                    continue;
                }
                if (!(pw < 0 ? Chars.isUserChar(c) : isPasswordChar(c))) {
                    throw new SipParseException(code, "invalid character '" + printable(c) + "' in SIP URI userinfo", i);
                }
                if (c == '%') {
                    checkEscape(s, i, at, code);
                }
            }
            int userEnd = pw < 0 ? at : pw;
            if (userEnd == p) {
                throw new SipParseException(code, "empty user in SIP URI", p);
            }
            user = s.substring(p, userEnd);
            if (pw >= 0) {
                password = s.substring(pw + 1, at);
            }
            p = at + 1;
        }
        int hostEnd = hostEnd(s, p, end, code);
        String host = s.substring(p, hostEnd);
        p = hostEnd;
        int port = -1;
        if (p < end && s.charAt(p) == ':') {
            p++;
            int ps = p;
            long v = 0;
            while (p < end && Chars.isDigit(s.charAt(p))) {
                v = v * 10 + (s.charAt(p) - '0');
                if (v > 65535) {
                    throw new SipParseException(code, "port out of range in SIP URI", ps);
                }
                p++;
            }
            if (p == ps) {
                throw new SipParseException(code, "invalid port in SIP URI", ps);
            }
            port = (int) v;
        }
        Parameters params = Parameters.empty();
        if (p < end && s.charAt(p) == ';') {
            scan.reset();
            p = scan.uriParams(s, p, end, ';', code);
            params = scan.result();
        }
        Parameters headers = Parameters.empty();
        if (p < end && s.charAt(p) == '?') {
            scan.reset();
            p = scan.uriParams(s, p, end, '&', code);
            headers = scan.result();
        }
        if (p != end) {
            throw new SipParseException(code, "unexpected '" + printable(s.charAt(p)) + "' in SIP URI", p);
        }
        // the wire form is computed on first use; only a Request-URI is always needed as text
        return new SipUri(secure, user, password, host, port, params, headers, null);
    }

    /** {@code host = hostname / IPv4address / IPv6reference}; returns the end index. */
    static int hostEnd(String s, int p, int end, SipErrorCode code) throws SipParseException {
        if (p >= end) {
            throw new SipParseException(code, "missing host", p);
        }
        if (s.charAt(p) == '[') {
            int i = p + 1;
            boolean colon = false;
            while (i < end && s.charAt(i) != ']') {
                char c = s.charAt(i);
                if (c == ':') {
                    colon = true;
                } else if (!Chars.isHex(c) && c != '.') {
                    throw new SipParseException(code, "invalid character in IPv6 reference", i);
                }
                i++;
            }
            if (i >= end || !colon || i == p + 1) {
                throw new SipParseException(code, "unterminated or invalid IPv6 reference", p);
            }
            return i + 1;
        }
        int i = p;
        while (i < end && Chars.isHostChar(s.charAt(i))) {
            i++;
        }
        if (i == p) {
            throw new SipParseException(code, "missing host", p);
        }
        return i;
    }

    /** Validates a host given to a builder; adds brackets to a bare IPv6 address. */
    static String checkHost(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        String h = host.indexOf(':') >= 0 && host.charAt(0) != '[' ? "[" + host + "]" : host;
        try {
            if (hostEnd(h, 0, h.length(), SipErrorCode.BAD_URI) != h.length()) {
                throw new IllegalArgumentException("invalid host: " + host);
            }
        } catch (SipParseException e) {
            throw new IllegalArgumentException("invalid host: " + host, e);
        }
        return h;
    }

    private static TelUri telUri(String s, int p, int end, SipErrorCode code) throws SipParseException {
        int i = p;
        while (i < end && s.charAt(i) != ';') {
            char c = s.charAt(i);
            if (!(Chars.isHex(c) || c == '+' || c == '-' || c == '.' || c == '(' || c == ')' || c == '*'
                    || c == '#' || c == 'p' || c == 'w' || c == 'P' || c == 'W')) {
                throw new SipParseException(code, "invalid character in tel number", i);
            }
            i++;
        }
        if (i == p) {
            throw new SipParseException(code, "empty tel number", p);
        }
        String number = s.substring(p, i);
        Parameters params = Parameters.empty();
        if (i < end) {
            ParamScan scan = new ParamScan();
            int q = scan.uriParams(s, i, end, ';', code);
            if (q != end) {
                throw new SipParseException(code, "unexpected character in tel URI", q);
            }
            params = scan.result();
        }
        return new TelUri(number, params);
    }

    private static boolean isPasswordChar(char c) {
        return Chars.isUnreserved(c) || c == '%' || c == '&' || c == '=' || c == '+' || c == '$' || c == ',';
    }

    private static boolean isParamChar(char c) {
        return Chars.isParamChar(c);
    }

    static void checkEscape(String s, int i, int end, SipErrorCode code) throws SipParseException {
        if (i + 2 >= end || !Chars.isHex(s.charAt(i + 1)) || !Chars.isHex(s.charAt(i + 2))) {
            throw new SipParseException(code, "invalid %-escape", i);
        }
    }

    static String printable(char c) {
        return c < ' ' || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }

    /** Decodes %HH escapes as UTF-8 bytes; text without '%' is returned as is. */
    static String unescape(String s) {
        int pct = s.indexOf('%');
        if (pct < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && Chars.isHex(raw[i + 1]) && Chars.isHex(raw[i + 2])) {
                out.write(Chars.hexValue(raw[i + 1]) * 16 + Chars.hexValue(raw[i + 2]));
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Collects {@code ;name[=value]} (or {@code ?h=v&h=v}) pairs. */
    static final class ParamScan {
        private String[] names = new String[8];
        private String[] values = new String[8];
        private int count;
        /** End index of the last item parsed by a {@code ValueParser} function that returns a value. */
        int pos;

        void reset() {
            count = 0;
        }

        int uriParams(String s, int p, int end, char separator, SipErrorCode code) throws SipParseException {
            // p is at the leading ';' or '?'
            while (p < end && (s.charAt(p) == ';' && separator == ';' || s.charAt(p) == '?' && count == 0
                    && separator == '&' || s.charAt(p) == '&' && separator == '&' && count > 0)) {
                p++;
                int ns = p;
                while (p < end && isParamChar(s.charAt(p)) && s.charAt(p) != '?' && (separator == ';' || s.charAt(p) != '&')) {
                    if (s.charAt(p) == '%') {
                        checkEscape(s, p, end, code);
                    }
                    p++;
                }
                if (p == ns) {
                    throw new SipParseException(code, "empty URI parameter name", ns);
                }
                String name = s.substring(ns, p);
                String value = null;
                if (p < end && s.charAt(p) == '=') {
                    p++;
                    int vs = p;
                    while (p < end && isParamChar(s.charAt(p)) && s.charAt(p) != '?'
                            && (separator == ';' || s.charAt(p) != '&')) {
                        if (s.charAt(p) == '%') {
                            checkEscape(s, p, end, code);
                        }
                        p++;
                    }
                    if (p == vs && separator == ';') {
                        throw new SipParseException(code, "empty URI parameter value", vs);
                    }
                    value = s.substring(vs, p);
                } else if (separator == '&') {
                    throw new SipParseException(code, "URI header without '='", p);
                }
                add(name, value);
            }
            return p;
        }

        void add(String name, String value) {
            if (count == names.length) {
                names = java.util.Arrays.copyOf(names, count * 2);
                values = java.util.Arrays.copyOf(values, count * 2);
            }
            names[count] = name;
            values[count] = value;
            count++;
        }

        Parameters result() {
            return Parameters.ofArrays(names, values, count);
        }
    }
}
