package io.voxplane.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SIP request handed to an app handler, with the ways to answer it. Immutable view; the
 * answering methods are the handler's one decision: exactly one of {@link #respond(int)},
 * {@link #respond(int, String, Map, String, byte[])}, {@link #proxyTo} or {@link #createB2bua}
 * per request, now or later (from a {@link Call#schedule} timer or a future's callback). A second
 * decision throws {@link IllegalStateException}. A handler that returns without deciding leaves
 * the request pending; the container times it out like any unanswered transaction, so decide.
 *
 * <p>Addresses are strings as on the wire ({@code "Alice" <sip:alice@example.com>;tag=1}); the
 * parsed parts an app usually needs have their own accessors.
 */
public interface SipRequest {

    /** The method, e.g. {@code INVITE}. */
    String method();

    /** The Request-URI as received, e.g. {@code sip:bob@example.com}. */
    String requestUri();

    /** The user part of a sip/sips Request-URI, unescaped; empty for other URIs or none. */
    Optional<String> requestUriUser();

    /** The host of a sip/sips Request-URI (lower case, no port); empty for other URIs. */
    Optional<String> requestUriHost();

    /** The first value of header {@code name} (case-insensitive, compact forms accepted). */
    Optional<String> header(String name);

    /** Every value of header {@code name}, in order. */
    List<String> headers(String name);

    /** The From header value. */
    String from();

    /** The To header value. */
    String to();

    /** The URI of the From address, e.g. {@code sip:alice@example.com}. */
    String fromUri();

    /** The URI of the To address. */
    String toUri();

    String callId();

    /** The Content-Type, if there is a body. */
    Optional<String> contentType();

    /** The body (a copy); empty array when none. */
    byte[] body();

    /** Answers with {@code status} and its standard reason phrase. */
    void respond(int status);

    /**
     * Answers with a response of the app's making.
     *
     * @param reason      reason phrase, or null for the standard one
     * @param headers     extra headers (name to value), may be empty
     * @param contentType type of {@code body}, or null for none
     * @param body        the body, or null for none
     */
    void respond(int status, String reason, Map<String, String> headers, String contentType, byte[] body);

    /**
     * Proxies the request statefully (RFC 3261 s16) to {@code uris} (sip/sips URIs, e.g. the
     * callee's registered contacts) as {@code options} say, and returns the live proxy.
     *
     * @throws IllegalArgumentException when a URI does not parse or the list is empty
     */
    Proxy proxyTo(List<String> uris, ProxyOptions options);

    /**
     * Bridges the request to {@code targetUri} as a back-to-back user agent (RFC 7092 s3.1) and
     * returns the live bridge. The container may not offer it (see its documentation); then it
     * throws {@link UnsupportedOperationException} with a code and the request stays undecided.
     */
    B2bua createB2bua(String targetUri);
}
