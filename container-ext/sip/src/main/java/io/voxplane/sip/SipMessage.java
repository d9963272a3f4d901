package io.voxplane.sip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SIP request or response (RFC 3261 s7): start line, header fields, body. Immutable. The core
 * headers (s8.1.1, s20) are decoded when the message is built or parsed; every field also stays
 * available raw through {@link #headers()}.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    /** All Via values, top first (comma lists split). */
    List<Via> vias();

    /** The topmost Via; null only if the message has none (responses built without Via). */
    Via topVia();

    Address from();

    Address to();

    String callId();

    CSeq cseq();

    OptionalInt maxForwards();

    /** Contact values in order (empty for {@code Contact: *}). */
    List<Address> contacts();

    /** True for {@code Contact: *} (s10.2.2). */
    boolean wildcardContact();

    List<Address> routes();

    List<Address> recordRoutes();

    Optional<String> contentType();

    /** The Expires header in seconds (s20.19); malformed values read as 3600. */
    OptionalInt expires();

    /** The body; the message's own array: callers must not modify it. Length 0 when none. */
    byte[] body();

    /** Every header field in order, as received (or as added to the builder). */
    List<Header> headers();

    /** The first value of that header (case-insensitive, compact form = long form). */
    Optional<String> header(String name);

    /** Every field value of that header, not comma-split. */
    List<String> headerValues(String name);

    /** Every token of a comma-list header such as Require, Supported, Allow (s7.3.1). */
    List<String> headerTokens(String name);

    /** Require option tags (s20.32). */
    default List<String> require() {
        return headerTokens(HeaderNames.REQUIRE);
    }

    /** Proxy-Require option tags (s20.29). */
    default List<String> proxyRequire() {
        return headerTokens(HeaderNames.PROXY_REQUIRE);
    }

    /** Supported option tags (s20.37). */
    default List<String> supported() {
        return headerTokens(HeaderNames.SUPPORTED);
    }

    /** Unsupported option tags (s20.40). */
    default List<String> unsupported() {
        return headerTokens(HeaderNames.UNSUPPORTED);
    }

    /** Allow methods (s20.5). */
    default List<String> allow() {
        return headerTokens(HeaderNames.ALLOW);
    }

    /** Every Authorization value (s20.7). */
    List<AuthValue> authorizations();

    /** Every Proxy-Authorization value (s20.28). */
    List<AuthValue> proxyAuthorizations();

    /** Every WWW-Authenticate value (s20.44). */
    List<AuthValue> wwwAuthenticates();

    /** Every Proxy-Authenticate value (s20.27). */
    List<AuthValue> proxyAuthenticates();

    /** The first Authorization value. */
    default Optional<AuthValue> authorization() {
        return authorizations().stream().findFirst();
    }

    /** The first Proxy-Authorization value. */
    default Optional<AuthValue> proxyAuthorization() {
        return proxyAuthorizations().stream().findFirst();
    }

    /** The first WWW-Authenticate value. */
    default Optional<AuthValue> wwwAuthenticate() {
        return wwwAuthenticates().stream().findFirst();
    }

    /** The first Proxy-Authenticate value. */
    default Optional<AuthValue> proxyAuthenticate() {
        return proxyAuthenticates().stream().findFirst();
    }

    /** RFC-correct wire form: one field per line, canonical names, right Content-Length. */
    byte[] toBytes();

    boolean isRequest();
}
