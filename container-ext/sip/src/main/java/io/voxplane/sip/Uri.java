package io.voxplane.sip;

/**
 * A URI as carried in a Request-URI or a name-addr (RFC 3261 s19.1, s25.1 {@code Request-URI}):
 * a SIP/SIPS URI, a tel URI (RFC 3966), or any other absolute URI kept verbatim (RFC 3986).
 * {@link #toString()} is the wire form.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The scheme in lower case, e.g. {@code sip}, {@code sips}, {@code tel}, {@code mailto}. */
    String scheme();

    /** Parses any URI; sip/sips/tel get their typed class, everything else an {@link AbsoluteUri}. */
    static Uri parse(String text) throws SipParseException {
        return UriParser.parseUri(text, 0, text.length(), SipErrorCode.BAD_URI);
    }
}
