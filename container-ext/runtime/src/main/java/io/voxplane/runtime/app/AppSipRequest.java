package io.voxplane.runtime.app;

import io.voxplane.api.B2bua;
import io.voxplane.api.DialogState;
import io.voxplane.api.MediaCall;
import io.voxplane.api.MediaFunction;
import io.voxplane.api.MediaRejectedException;
import io.voxplane.api.Proxy;
import io.voxplane.api.ProxyOptions;
import io.voxplane.api.SipRequest;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Uri;
import io.voxplane.stack.proxy.ForkingMode;
import io.voxplane.stack.proxy.ProxyTarget;
import io.voxplane.stack.proxy.ProxyTransaction;
import io.voxplane.stack.transaction.ServerInviteTransaction;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.SipIdGenerator;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The app API's view of one request and the app's one decision on it ({@value AppCodes#ALREADY_DECIDED}
 * on a second one). Three kinds:
 * <ul>
 * <li>an initial request, decided through the stack's {@link ProxyTransaction} (RFC 3261 s16):
 * {@code respond} answers it, {@code proxyTo} forks it; a 2xx to an INVITE and
 * {@code createB2bua} take the transaction over as a user agent ({@link AppDialogs});</li>
 * <li>a request inside an app's dialog, answered on its server transaction;</li>
 * <li>a request the container already answered (BYE, ACK, CANCEL handed to handlers).</li>
 * </ul>
 * Decisions may come from any thread: they run under the call's serial lock. As the
 * {@link AppLeg} of an unanswered INVITE, hanging up answers it 487 (s9.2: a UAS cannot CANCEL).
 */
final class AppSipRequest implements SipRequest, AppLeg {

    private static final System.Logger LOG = System.getLogger(AppSipRequest.class.getName());

    /** Where the app's decision stands; a transition table of one step from UNDECIDED. */
    enum Decision {
        UNDECIDED,
        /** Answered with a final response (by the app or the container). */
        ANSWERED,
        PROXIED,
        /** An INVITE answered 2xx: the dialog is an {@link AppDialog}. */
        DIALOG,
        /** An INVITE bridged: an {@link AppB2bua}. */
        BRIDGED,
        /** An INVITE answered with media: waiting for the media plane's answer ({@link AppMedia}). */
        MEDIA,
        /** The caller's CANCEL (or a hangup) answered the INVITE 487 before the app decided. */
        CANCELLED
    }

    private final io.voxplane.sip.SipRequest request;
    private final ProxyTransaction transaction;
    private final ServerTransaction server;
    private final AppCall call;
    private final AppDescriptor app;
    private final AppDialogs dialogs;
    private AppDialog dialog;
    private final Consumer<io.voxplane.sip.SipResponse> onProxiedFinal;
    private final Consumer<io.voxplane.sip.SipResponse> onProxiedProvisional;
    private final AtomicReference<Decision> decision;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private AppSipRequest(io.voxplane.sip.SipRequest request, ProxyTransaction transaction, ServerTransaction server,
                          AppCall call, AppDescriptor app, AppDialogs dialogs, Decision initial,
                          Consumer<io.voxplane.sip.SipResponse> onProxiedFinal,
                          Consumer<io.voxplane.sip.SipResponse> onProxiedProvisional) {
        this.request = Objects.requireNonNull(request, "request");
        this.transaction = transaction;
        this.server = server;
        this.call = call;
        this.app = app;
        this.dialogs = dialogs;
        this.decision = new AtomicReference<>(initial);
        this.onProxiedFinal = onProxiedFinal;
        this.onProxiedProvisional = onProxiedProvisional;
    }

    /**
     * An initial request on its proxy transaction.
     *
     * @param onProxiedFinal       called with the final response sent upstream for a proxied request
     * @param onProxiedProvisional called with each provisional response sent upstream for it
     */
    static AppSipRequest initial(ProxyTransaction transaction, AppCall call, AppDescriptor app, AppDialogs dialogs,
                                 Consumer<io.voxplane.sip.SipResponse> onProxiedFinal,
                                 Consumer<io.voxplane.sip.SipResponse> onProxiedProvisional) {
        AppSipRequest view = new AppSipRequest(transaction.request(), transaction, null, call, app, dialogs,
                Decision.UNDECIDED, onProxiedFinal, onProxiedProvisional);
        transaction.completed().whenComplete((done, failure) -> {
            Decision d = view.decision.get();
            if (d != Decision.DIALOG && d != Decision.BRIDGED) {
                view.finished.complete(null);
            }
        });
        return view;
    }

    /**
     * A request inside an app's dialog, answered on {@code server} (a 2xx to a re-INVITE through
     * {@code dialog}, which retransmits it until its ACK).
     */
    static AppSipRequest inDialog(io.voxplane.sip.SipRequest request, ServerTransaction server, AppDialog dialog,
                                  AppCall call, AppDescriptor app, AppDialogs dialogs) {
        AppSipRequest view = new AppSipRequest(request, null, server, call, app, dialogs, Decision.UNDECIDED, null, null);
        view.dialog = dialog;
        view.finished.complete(null);
        return view;
    }

    /** A request the container already answered (BYE, CANCEL) or that takes no answer (ACK). */
    static AppSipRequest answered(io.voxplane.sip.SipRequest request, AppCall call) {
        AppSipRequest view = new AppSipRequest(request, null, null, call, null, null, Decision.ANSWERED, null, null);
        view.finished.complete(null);
        return view;
    }

    /** The stack request, for the container services. */
    io.voxplane.sip.SipRequest stackRequest() {
        return request;
    }

    ProxyTransaction proxyTransaction() {
        return transaction;
    }

    AppCall call() {
        return call;
    }

    AppDescriptor app() {
        return app;
    }

    boolean isDecided() {
        return decision.get() != Decision.UNDECIDED;
    }

    Decision decision() {
        return decision.get();
    }

    /** Completes when the request no longer keeps its call alive (its transaction, dialog or bridge is over). */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /** The dialog or bridge this INVITE became has ended. */
    void finish() {
        finished.complete(null);
    }

    /** Sends a final response the container made (challenge, registrar answer, 500). */
    void answer(SipResponse response) {
        decide(Decision.ANSWERED);
        send(response);
    }

    /**
     * The caller's CANCEL, or a hangup, for an INVITE: answers it 487 if the app has not decided
     * yet (s9.2).
     *
     * @return true when this answered the INVITE 487
     */
    boolean cancelUndecided() {
        if (!decision.compareAndSet(Decision.UNDECIDED, Decision.CANCELLED)
                && !decision.compareAndSet(Decision.MEDIA, Decision.CANCELLED)) {
            return false;
        }
        send(withToTag(SipResponse.replyTo(request, 487)).build());
        return true;
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
        Map<String, String> extra = headers == null ? Map.of() : headers;
        inCall(() -> {
            if (decision.get() == Decision.CANCELLED) {
                LOG.log(Level.DEBUG, () -> "answer " + status + " to " + this + " dropped: cancelled before");
                return;
            }
            boolean createsDialog = transaction != null && dialogs != null && request.isInvite() && status / 100 == 2;
            decide(createsDialog ? Decision.DIALOG : Decision.ANSWERED);
            if (createsDialog) {
                dialogs.answer(this, status, reason, extra, contentType, body);
                return;
            }
            SipResponse.Builder response = withToTag(reason == null ? SipResponse.replyTo(request, status)
                    : SipResponse.replyTo(request, status, reason));
            extra.forEach(response::header);
            if (server != null && request.isInvite() && status / 100 == 2 && !hasHeader(extra, "Contact")) {
                response.contact(dialogs.contactFor(server.flow()));
            }
            if (body != null) {
                response.body(contentType, body);
            }
            send(response.build());
        });
    }

    @Override
    public Proxy proxyTo(List<String> uris, ProxyOptions options) {
        Objects.requireNonNull(options, "options");
        if (transaction == null) {
            throw new IllegalStateException(AppCodes.ALREADY_DECIDED + " only an initial request can be proxied, not "
                    + this);
        }
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("proxyTo needs at least one target URI");
        }
        List<ProxyTarget> targets = new ArrayList<>(uris.size());
        for (String uri : uris) {
            targets.add(ProxyTarget.of(parse(uri)));
        }
        inCall(() -> {
            decide(Decision.PROXIED);
            transaction.finalResponse().thenAccept(onProxiedFinal);
            transaction.onProvisional(onProxiedProvisional);
            transaction.proxyTo(targets, new io.voxplane.stack.proxy.ProxyOptions(
                    options.parallel() ? ForkingMode.PARALLEL : ForkingMode.SEQUENTIAL, options.recordRoute(),
                    options.branchTimeout()));
        });
        return () -> transaction.finalResponse().thenApply(SipResponse::status);
    }

    @Override
    public B2bua createB2bua(String targetUri) {
        if (transaction == null || dialogs == null || !request.isInvite()) {
            throw new UnsupportedOperationException(AppCodes.B2BUA_UNAVAILABLE + " createB2bua bridges an initial"
                    + " INVITE only, not " + this);
        }
        Uri target = parse(targetUri);
        if (!(target instanceof SipUri)) {
            throw new IllegalArgumentException("B2BUA target " + targetUri + " is not a sip/sips URI");
        }
        AppB2bua[] bridge = new AppB2bua[1];
        inCall(() -> {
            decide(Decision.BRIDGED);
            bridge[0] = dialogs.bridge(this, (SipUri) target);
        });
        return bridge[0];
    }

    @Override
    public CompletionStage<MediaCall> answerWithMedia(MediaFunction function) {
        Objects.requireNonNull(function, "function");
        if (transaction == null || !request.isInvite() || dialogs == null) {
            throw new UnsupportedOperationException(AppCodes.MEDIA_UNAVAILABLE + " answerWithMedia answers an initial"
                    + " INVITE only, not " + this);
        }
        List<CompletionStage<MediaCall>> result = new ArrayList<>(1);
        inCall(() -> {
            if (decision.get() == Decision.CANCELLED) {
                result.add(CompletableFuture.failedFuture(new MediaRejectedException(487, "the caller cancelled first")));
                return;
            }
            decide(Decision.MEDIA);
            result.add(dialogs.media().open(this, function));
        });
        return result.get(0);
    }

    /**
     * The media plane's answer came: 200 with it, creating the dialog (under the call's lock).
     *
     * @return false when the INVITE was cancelled meanwhile (already answered 487)
     */
    boolean answerMedia(byte[] sdp) {
        if (!decision.compareAndSet(Decision.MEDIA, Decision.DIALOG)) {
            return false;
        }
        dialogs.answer(this, 200, null, Map.of(), AppMedia.SDP, sdp);
        return true;
    }

    /** Answers an INVITE waiting for media with an error ({@code warning} may be empty). */
    void rejectMedia(int status, String warning) {
        rejectMedia(status, warning, "");
    }

    /** As {@link #rejectMedia(int, String)}, with a Retry-After header when {@code retryAfter} is not empty. */
    void rejectMedia(int status, String warning, String retryAfter) {
        if (!decision.compareAndSet(Decision.MEDIA, Decision.ANSWERED)) {
            return;
        }
        SipResponse.Builder response = withToTag(SipResponse.replyTo(request, status));
        if (!warning.isEmpty()) {
            response.setHeader(io.voxplane.sip.HeaderNames.WARNING, warning);
        }
        if (!retryAfter.isEmpty()) {
            response.setHeader("Retry-After", retryAfter);
        }
        send(response.build());
    }

    /** This node's Contact for a response on {@code server}'s flow. */
    io.voxplane.sip.Address contactFor(ServerTransaction server) {
        return dialogs.contactFor(server.flow());
    }

    @Override
    public DialogState dialogState() {
        return switch (decision.get()) {
            case UNDECIDED, MEDIA -> DialogState.PENDING;
            case PROXIED, DIALOG, BRIDGED -> DialogState.NONE;
            case ANSWERED, CANCELLED -> DialogState.TERMINATED;
        };
    }

    @Override
    public int confirmedDialogs() {
        return 0;
    }

    @Override
    public CompletionStage<Void> terminate() {
        if (request.isInvite() && transaction != null) {
            cancelUndecided();
        }
        return CompletableFuture.completedFuture(null);
    }

    private void send(SipResponse response) {
        if (transaction != null) {
            transaction.respond(response);
        } else if (server instanceof ServerInviteTransaction reInvite && dialog != null && response.statusClass() == 2) {
            dialog.incoming().answerReInvite(reInvite, response);
        } else if (server != null) {
            server.respond(response);
        } else {
            throw new IllegalStateException(AppCodes.ALREADY_DECIDED + " " + this + " was answered by the container");
        }
    }

    private SipResponse.Builder withToTag(SipResponse.Builder response) {
        if (request.to().tag().isEmpty()) {
            response.to(request.to().withTag(SipIdGenerator.newTag()));
        }
        return response;
    }

    private void inCall(Runnable work) {
        if (call == null) {
            work.run();
        } else {
            call.runSerially(work);
        }
    }

    private void decide(Decision next) {
        if (!decision.compareAndSet(Decision.UNDECIDED, next)) {
            throw new IllegalStateException(AppCodes.ALREADY_DECIDED + " " + request.method() + " "
                    + request.callId() + " was already answered, proxied, bridged or cancelled");
        }
    }

    private static boolean hasHeader(Map<String, String> headers, String name) {
        for (String key : headers.keySet()) {
            if (key.equalsIgnoreCase(name) || (name.equals("Contact") && key.equalsIgnoreCase("m"))) {
                return true;
            }
        }
        return false;
    }

    private static Uri parse(String uri) {
        try {
            return Uri.parse(uri);
        } catch (SipParseException | NullPointerException e) {
            throw new IllegalArgumentException("target " + uri + " is not a URI: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return request.method() + " " + request.requestUri() + " (" + request.callId() + ")";
    }
}
