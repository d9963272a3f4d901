package io.voxplane.runtime.app;

import io.voxplane.api.B2bua;
import io.voxplane.api.Proxy;
import io.voxplane.api.ProxyOptions;
import io.voxplane.api.SipRequest;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.stack.proxy.ForkingMode;
import io.voxplane.stack.proxy.ProxyTarget;
import io.voxplane.stack.proxy.ProxyTransaction;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.sip.SipResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The app API's view of one initial request, deciding through the stack's
 * {@link ProxyTransaction} (RFC 3261 s16): {@code respond} answers it, {@code proxyTo} forks it.
 * One decision per request ({@value AppCodes#ALREADY_DECIDED} on a second one).
 */
final class AppSipRequest implements SipRequest {

    private final io.voxplane.sip.SipRequest request;
    private final ProxyTransaction transaction;
    private final Consumer<io.voxplane.sip.SipResponse> onProxiedFinal;
    private final AtomicBoolean decided = new AtomicBoolean();

    /**
     * @param onProxiedFinal called with the final response sent upstream for a proxied request
     *                       (the dispatcher hands it to the app's response handler)
     */
    AppSipRequest(ProxyTransaction transaction, Consumer<io.voxplane.sip.SipResponse> onProxiedFinal) {
        this.transaction = Objects.requireNonNull(transaction, "transaction");
        this.request = transaction.request();
        this.onProxiedFinal = onProxiedFinal;
    }

    /** The stack request, for the container services. */
    io.voxplane.sip.SipRequest stackRequest() {
        return request;
    }

    boolean isDecided() {
        return decided.get();
    }

    /** Sends a final response the container made (challenge, registrar answer, 500). */
    void answer(SipResponse response) {
        decide();
        transaction.respond(response);
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String requestUri() {
        return request.requestUri().toString();
    }

    @Override
    public Optional<String> requestUriUser() {
        return request.requestUri() instanceof SipUri sip ? Optional.ofNullable(sip.decodedUser()) : Optional.empty();
    }

    @Override
    public Optional<String> requestUriHost() {
        return request.requestUri() instanceof SipUri sip
                ? Optional.of(sip.host().toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    @Override
    public Optional<String> header(String name) {
        return request.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.headerValues(name);
    }

    @Override
    public String from() {
        return request.from().toString();
    }

    @Override
    public String to() {
        return request.to().toString();
    }

    @Override
    public String fromUri() {
        return request.from().uri().toString();
    }

    @Override
    public String toUri() {
        return request.to().uri().toString();
    }

    @Override
    public String callId() {
        return request.callId();
    }

    @Override
    public Optional<String> contentType() {
        return request.contentType();
    }

    @Override
    public byte[] body() {
        return request.body().clone();
    }

    @Override
    public void respond(int status) {
        respond(status, null, Map.of(), null, null);
    }

    @Override
    public void respond(int status, String reason, Map<String, String> headers, String contentType, byte[] body) {
        if (status < 200 || status > 699) {
            throw new IllegalArgumentException("an app answers with a final status (200-699), not " + status);
        }
        SipResponse.Builder response = reason == null ? SipResponse.replyTo(request, status)
                : SipResponse.replyTo(request, status, reason);
        if (request.to().tag().isEmpty()) {
            response.to(request.to().withTag(SipIdGenerator.newTag()));
        }
        if (headers != null) {
            headers.forEach(response::header);
        }
        if (body != null) {
            response.body(contentType, body);
        }
        answer(response.build());
    }

    @Override
    public Proxy proxyTo(List<String> uris, ProxyOptions options) {
        Objects.requireNonNull(options, "options");
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("proxyTo needs at least one target URI");
        }
        List<ProxyTarget> targets = new ArrayList<>(uris.size());
        for (String uri : uris) {
            try {
                targets.add(ProxyTarget.of(Uri.parse(uri)));
            } catch (SipParseException e) {
                throw new IllegalArgumentException("target " + uri + " is not a URI: " + e.getMessage(), e);
            }
        }
        decide();
        transaction.finalResponse().thenAccept(onProxiedFinal);
        transaction.proxyTo(targets, new io.voxplane.stack.proxy.ProxyOptions(
                options.parallel() ? ForkingMode.PARALLEL : ForkingMode.SEQUENTIAL, options.recordRoute(),
                options.branchTimeout()));
        return () -> transaction.finalResponse().thenApply(SipResponse::status);
    }

    @Override
    public B2bua createB2bua(String targetUri) {
        throw new UnsupportedOperationException(AppCodes.B2BUA_UNAVAILABLE
                + " createB2bua is not offered by this container version; use proxyTo");
    }

    private void decide() {
        if (!decided.compareAndSet(false, true)) {
            throw new IllegalStateException(AppCodes.ALREADY_DECIDED + " " + request.method() + " "
                    + request.callId() + " was already answered or proxied");
        }
    }

    @Override
    public String toString() {
        return request.method() + " " + request.requestUri() + " (" + request.callId() + ")";
    }
}
