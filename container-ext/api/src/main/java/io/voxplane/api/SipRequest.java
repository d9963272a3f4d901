package io.voxplane.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A SIP request handed to an app handler, with the ways to answer it. Immutable view; the
 * answering methods are the handler's one decision: exactly one of {@link #respond(int)},
 * {@link #respond(int, String, Map, String, byte[])}, {@link #proxyTo} or {@link #createB2bua}
 * per request, now or later: from any thread (a {@link Call#schedule} timer, a future's callback
 * after a media server replied); the container runs the decision serially with the call's
 * handlers. A second decision throws {@link IllegalStateException}. A handler that returns
 * without deciding leaves the request pending; the container times it out like any unanswered
 * transaction, so decide. An INVITE the caller CANCELled before the decision is already
 * answered 487: a later decision on it is ignored.
 *
 * <p>Answering an INVITE with 2xx creates a dialog (RFC 3261 s12.1.1): the container adds a To
 * tag and, unless the app gave one, a Contact with the node's own address, retransmits the 2xx
 * until the ACK comes (s13.3.1.4), and hands the app the dialog's requests (ACK, BYE, re-INVITE,
 * UPDATE, INFO, MESSAGE, OPTIONS) through its handlers. Requests handed to {@link Bye},
 * {@link Ack} and {@link Cancel} handlers are already answered by the container (their
 * {@code respond} throws).
 *
 * <p>{@link #answerWithMedia} answers an INVITE with the node's own media (echo, prompts,
 * recording, DTMF, conference rooms): it is the decision for that INVITE.
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
     * Bridges the INVITE to {@code targetUri} as a back-to-back user agent (RFC 7092 s3.1): a new
     * INVITE (new Call-ID, tags) with the caller's From and session description goes to the
     * target; its provisional status and its answer (with the callee's session description) go
     * back to the caller; a BYE on either leg ends the other; the caller's CANCEL cancels the
     * outgoing leg. Returns the live bridge.
     *
     * @throws IllegalArgumentException      when {@code targetUri} is not a sip/sips URI
     * @throws UnsupportedOperationException (VXAPP-101) for a request other than an initial INVITE
     */
    B2bua createB2bua(String targetUri);

    /**
     * Answers an initial INVITE with media of the node (RFC 3264 s6): the media plane answers the
     * INVITE's SDP offer from its own RTP port, starts {@code function}, and the container sends
     * 200 with that answer, making the dialog. The stage completes with the live call once the
     * 200 is sent, or exceptionally with {@link MediaRejectedException} when the INVITE was
     * answered with an error instead: 488 with a Warning header when the offer has no common
     * codec (PCMU, PCMA, G722) or the INVITE has no SDP (offers in the ACK are not supported),
     * 503 when no RTP port is free, 487 when the caller cancelled first.
     *
     * @throws UnsupportedOperationException (VXAPP-105) for a request other than an initial INVITE
     * @throws IllegalStateException         (VXAPP-102) when the request was already answered
     */
    CompletionStage<MediaCall> answerWithMedia(MediaFunction function);
}
