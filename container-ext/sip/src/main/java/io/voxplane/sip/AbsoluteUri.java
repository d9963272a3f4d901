package io.voxplane.sip;

import java.util.Locale;
import java.util.Objects;

/**
 * Any absolute URI with a scheme other than sip, sips and tel (RFC 3261 s25.1 {@code absoluteURI},
 * RFC 3986), e.g. {@code mailto:}, {@code urn:}, {@code soap.beep:} (RFC 4475 s3.3.3). It is kept
 * verbatim; equality compares the scheme case-insensitively and the rest exactly.
 */
public final class AbsoluteUri implements Uri {

    private final String scheme;
    private final String text;

    AbsoluteUri(String scheme, String text) {
        this.scheme = scheme;
        this.text = text;
    }

    /** Parses {@code scheme:rest}; the scheme must not be sip, sips or tel. */
    public static AbsoluteUri parse(String text) throws SipParseException {
        Uri u = Uri.parse(text);
        if (u instanceof AbsoluteUri a) {
            return a;
        }
        throw new SipParseException(SipErrorCode.BAD_URI, "not an absolute URI of another scheme: " + text, -1);
    }

    @Override
    public String scheme() {
        return scheme;
    }

    /** Everything after the first colon, verbatim. */
    public String schemeSpecificPart() {
        return text.substring(text.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbsoluteUri a && a.scheme.equals(scheme)
                && a.schemeSpecificPart().equals(schemeSpecificPart());
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, schemeSpecificPart());
    }

    static String lowerScheme(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
