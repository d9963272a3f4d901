package io.voxplane.sip;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical spelling of known header names and their compact forms (RFC 3261 s7.3.3 and s20; compact
 * forms from RFC 3265 (o, u), RFC 4028 (x), RFC 3515 (r), RFC 3892 (b), RFC 3841 (a, j, d), RFC 4474
 * (y, n)). Header names are case-insensitive (s7.3.1).
 */
public final class HeaderNames {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTACT = "Contact";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String EXPIRES = "Expires";
    public static final String REQUIRE = "Require";
    public static final String PROXY_REQUIRE = "Proxy-Require";
    public static final String SUPPORTED = "Supported";
    public static final String UNSUPPORTED = "Unsupported";
    public static final String ALLOW = "Allow";
    public static final String ACCEPT = "Accept";
    public static final String AUTHORIZATION = "Authorization";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String SUBJECT = "Subject";
    public static final String WARNING = "Warning";

    private static final Map<String, String> BY_LOWER;
    private static final Map<String, String> BY_EXACT;

    static {
        Map<String, String> byLower = new HashMap<>();
        Map<String, String> byExact = new HashMap<>();
        String[] names = {VIA, FROM, TO, CALL_ID, CSEQ, MAX_FORWARDS, CONTACT, ROUTE, RECORD_ROUTE,
            CONTENT_LENGTH, CONTENT_TYPE, EXPIRES, REQUIRE, PROXY_REQUIRE, SUPPORTED, UNSUPPORTED, ALLOW,
            ACCEPT, AUTHORIZATION, PROXY_AUTHORIZATION, WWW_AUTHENTICATE, PROXY_AUTHENTICATE,
            CONTENT_ENCODING, SUBJECT, WARNING, "Accept-Encoding", "Accept-Language", "Alert-Info",
            "Authentication-Info", "Call-Info", "Content-Disposition", "Content-Language", "Date",
            "Error-Info", "In-Reply-To", "MIME-Version", "Min-Expires", "Organization", "Priority",
            "Reply-To", "Retry-After", "Server", "Timestamp", "User-Agent", "Event", "Allow-Events",
            "Session-Expires", "Identity", "Refer-To", "Referred-By", "Accept-Contact", "Reject-Contact",
            "Request-Disposition", "Identity-Info", "RSeq", "RAck", "Subscription-State", "Min-SE", "Path",
            "Service-Route", "P-Asserted-Identity", "P-Preferred-Identity", "Privacy", "Replaces",
            "Reason", "SIP-ETag", "SIP-If-Match"};
        for (String n : names) {
            byLower.put(n.toLowerCase(Locale.ROOT), n);
            byExact.put(n, n);
        }
        String[][] compact = {{"i", CALL_ID}, {"m", CONTACT}, {"e", CONTENT_ENCODING}, {"l", CONTENT_LENGTH},
            {"c", CONTENT_TYPE}, {"f", FROM}, {"s", SUBJECT}, {"k", SUPPORTED}, {"t", TO}, {"v", VIA},
            {"o", "Event"}, {"u", "Allow-Events"}, {"x", "Session-Expires"}, {"y", "Identity"},
            {"r", "Refer-To"}, {"b", "Referred-By"}, {"a", "Accept-Contact"}, {"j", "Reject-Contact"},
            {"d", "Request-Disposition"}, {"n", "Identity-Info"}};
        for (String[] c : compact) {
            byLower.put(c[0], c[1]);
            byExact.put(c[0], c[1]);
            byExact.put(c[0].toUpperCase(Locale.ROOT), c[1]);
        }
        BY_LOWER = Map.copyOf(byLower);
        BY_EXACT = Map.copyOf(byExact);
    }

    private HeaderNames() {
    }

    /** Lower-case name (long or compact) to canonical name; read-only after class init. */
    static Map<String, String> lowerCaseTable() {
        return BY_LOWER;
    }

    /**
     * The canonical long spelling of a known header name (compact forms expanded), or null when the
     * name is not known. The returned strings are the constants above, so they compare by identity.
     */
    public static String canonical(String name) {
        String c = BY_EXACT.get(name);
        if (c != null) {
            return c;
        }
        return BY_LOWER.get(name.toLowerCase(Locale.ROOT));
    }

    /** The canonical spelling when known, otherwise {@code name} unchanged. */
    public static String normalize(String name) {
        String c = canonical(name);
        return c == null ? name : c;
    }

    /** Whether two header names denote the same header (case-insensitive, compact = long). */
    public static boolean same(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        String ca = canonical(a);
        return ca != null && ca == canonical(b);
    }
}
