package io.voxplane.stack.ua;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Uri;
import io.voxplane.stack.dialog.Dialog;
import io.voxplane.stack.dialog.DialogId;
import io.voxplane.stack.dialog.DialogMatch;
import io.voxplane.stack.dialog.DialogRegistry;
import io.voxplane.stack.timer.TimerService;
import io.voxplane.stack.transaction.ClientInviteTransaction;
import io.voxplane.stack.transaction.ClientTransaction;
import io.voxplane.stack.transaction.ClientTransactionListener;
import io.voxplane.stack.transaction.ServerInviteTransaction;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.SipIdGenerator;
import io.voxplane.stack.transaction.TransactionException;
import io.voxplane.stack.transaction.TransactionFailure;
import io.voxplane.stack.transaction.TransactionLayer;
import io.voxplane.stack.transaction.TransactionUser;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A small SIP user agent (RFC 3261 s8, s12-s15) over the transaction layer: places calls
 * ({@link #call}), receives them ({@link IncomingCallHandler}), answers OPTIONS with 200 and BYE
 * in a dialog with 200, and rejects what it does not handle: 482 for a merged request
 * (s8.2.2.2), 420 for any Require (s8.2.2.3),
 * 415 for a non-SDP INVITE body (s8.2.3), 503 for a new INVITE when the dialog limit
 * ({@link UserAgentConfig#maxDialogs()}) is reached, 405 for other methods, 481 for an unknown dialog, 500
 * for an out-of-order CSeq (s12.2.2).
 *
 * <p>Wiring: give it the transport's {@link MessageSender}, a {@link TimerService}, and plug
 * {@link #inboundHandler()} into the transport. It creates no threads.
 *
 * <p>Identifiers (branches, tags, Call-IDs) come from {@link SipIdGenerator}, which uses
 * {@code ThreadLocalRandom}: unique, not secret.
 */
public final class UserAgent {

    /** What this UA answers in Allow (s20.5). */
    public static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS";

    private final UserAgentConfig config;
    private final TimerService timers;
    private final TargetResolver resolver;
    private final IncomingCallHandler handler;
    private final TransactionLayer transactions;
    private final DialogRegistry dialogs;
    private final ConcurrentMap<DialogId, Call> callsByDialog = new ConcurrentHashMap<>();
    private final ConcurrentMap<ServerInviteTransaction, IncomingCall> unanswered = new ConcurrentHashMap<>();
    private final ConcurrentMap<MergeKey, ServerTransaction> outOfDialog = new ConcurrentHashMap<>();
    private final Core core = new Core();

    /** What makes two out-of-dialog requests "the same request" arriving twice (s8.2.2.2). */
    private record MergeKey(String fromTag, String callId, CSeq cseq) {
        static MergeKey of(SipRequest request) {
            return new MergeKey(request.from().tag().orElse(""), request.callId(), request.cseq());
        }

        static MergeKey of(ServerTransaction transaction) {
            return new MergeKey(transaction.fromTag(), transaction.callId(), transaction.cseq());
        }
    }

    public UserAgent(MessageSender sender, TimerService timers, UserAgentConfig config, IncomingCallHandler handler,
                     TargetResolver resolver) {
        this.config = Objects.requireNonNull(config, "config");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dialogs = new DialogRegistry(config.maxDialogs());
        this.transactions = new TransactionLayer(sender, timers, config.transactions(), core);
    }

    /**
     * A UA on a transaction layer another transaction user owns (an app server whose proxy core
     * owns the layer and terminates some calls itself): that owner hands this UA's
     * {@link #transactionUser()} the messages of its calls, and the INVITEs it answers as a UA
     * through {@link #adopt}. New out-of-dialog INVITEs never reach this UA's own handler.
     */
    public UserAgent(TransactionLayer shared, UserAgentConfig config, TargetResolver resolver) {
        this.config = Objects.requireNonNull(config, "config");
        this.transactions = Objects.requireNonNull(shared, "shared");
        this.timers = shared.timers();
        this.handler = IncomingCallHandler.rejectAll();
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dialogs = new DialogRegistry(config.maxDialogs());
    }

    /** A UA that resolves IP-literal URIs only ({@link TargetResolver#literalOnly()}). */
    public UserAgent(MessageSender sender, TimerService timers, UserAgentConfig config, IncomingCallHandler handler) {
        this(sender, timers, config, handler, TargetResolver.literalOnly());
    }

    /**
     * This UA's core as transaction user, for the owner of a shared layer (see
     * {@link #UserAgent(TransactionLayer, UserAgentConfig, TargetResolver)}) to hand it the
     * in-dialog requests, ACKs, CANCELs, stray 2xx and transaction ends of this UA's calls.
     */
    public TransactionUser transactionUser() {
        return core;
    }

    /**
     * Takes an INVITE that another transaction user on the same layer received as a call of this
     * UA (s13.3): the caller answers it with {@link IncomingCall#answer} or {@link IncomingCall#reject}
     * and hands this UA's {@link #transactionUser()} its CANCEL, ACK and in-dialog requests.
     */
    public IncomingCall adopt(SipRequest invite, ServerInviteTransaction transaction) {
        IncomingCall call = new IncomingCall(this, invite, transaction);
        unanswered.put(transaction, call);
        return call;
    }

    /** The call of a dialog of this UA, if any. */
    public Optional<Call> callOf(DialogId id) {
        return Optional.ofNullable(callsByDialog.get(id));
    }

    /** Plug this into the transport. */
    public InboundMessageHandler inboundHandler() {
        return transactions;
    }

    public UserAgentConfig config() {
        return config;
    }

    public TransactionLayer transactions() {
        return transactions;
    }

    public DialogRegistry dialogs() {
        return dialogs;
    }

    TimerService timers() {
        return timers;
    }

    /** Calls with a dialog (early or confirmed) now. */
    public int activeCalls() {
        return callsByDialog.size();
    }

    /**
     * Places a call (s13.2.1): INVITE to {@code to} with a new Call-ID, From tag and branch, this
     * UA's Contact and the given offer.
     *
     * @param from        the caller (a tag is added)
     * @param to          the callee; its URI is the Request-URI
     * @param target      where to send, or null to resolve the Request-URI
     * @param contentType the offer's type (e.g. {@code application/sdp}), ignored when body is empty
     * @param body        the offer, may be empty
     * @throws TransactionException {@code VXTXN-004} when the transaction limit is reached
     * @throws UserAgentException   {@code VXUA-001} when {@code target} is null and the URI cannot be resolved
     */
    public OutgoingCall call(Address from, Address to, Target target, String contentType, byte[] body) {
        SipRequest.Builder builder = SipRequest.builder(SipMethod.INVITE, to.uri())
                .via(config.via(SipIdGenerator.newBranch()))
                .from(from.withTag(SipIdGenerator.newTag()))
                .to(to)
                .callId(SipIdGenerator.newCallId(config.host()))
                .cseq(new CSeq(1, SipMethod.INVITE))
                .maxForwards(70)
                .contact(config.contact());
        if (body != null && body.length > 0) {
            builder.body(contentType, body);
        }
        SipRequest invite = builder.build();
        OutgoingCall call = new OutgoingCall(this, invite);
        Target destination = target != null ? target : targetFor(invite);
        call.started((ClientInviteTransaction)
                transactions.sendRequest(invite, destination, call));
        return call;
    }

    /**
     * Sends OPTIONS out of any dialog (s11).
     *
     * @return the final response, or a failure ({@link CallFailedException} with 408/503)
     */
    public CompletableFuture<SipResponse> options(Address from, Address to, Target target) {
        SipRequest options = SipRequest.builder(SipMethod.OPTIONS, to.uri())
                .via(config.via(SipIdGenerator.newBranch()))
                .from(from.withTag(SipIdGenerator.newTag()))
                .to(to)
                .callId(SipIdGenerator.newCallId(config.host()))
                .cseq(new CSeq(1, SipMethod.OPTIONS))
                .maxForwards(70)
                .build();
        CompletableFuture<SipResponse> result = new CompletableFuture<>();
        transactions.sendRequest(options, target != null ? target : targetFor(options), new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction transaction, SipResponse response) {
                if (response.isFinal()) {
                    result.complete(response);
                }
            }

            @Override
            public void onFailure(ClientTransaction transaction, TransactionFailure failure) {
                result.completeExceptionally(new CallFailedException(failure.impliedStatus(), failure.errorCode(),
                        failure.toString(), null));
            }
        });
        return result;
    }

    /**
     * Terminates every transaction and ends every call (unanswered ones fail with 503, VXUA-011);
     * new requests get 503. Does not send BYE: a graceful drain hangs up calls first.
     */
    public void shutdown() {
        transactions.shutdown();
        for (Call call : callsByDialog.values()) {
            call.end(new CallEnd(CallEnd.Reason.FAILED, 503));
        }
    }

    /** The next hop of a request: its first Route, else its Request-URI (s8.1.2). */
    Target targetFor(SipRequest request) {
        Uri next = request.routes().isEmpty() ? request.requestUri() : request.routes().get(0).uri();
        return resolver.resolve(next);
    }

    void sendAck(SipRequest ack) {
        transactions.sendAck(ack, targetFor(ack));
    }

    /** The call has its final response: only a CANCEL or a failure before that concerns it. */
    void answered(ServerInviteTransaction transaction) {
        unanswered.remove(transaction);
    }

        void register(Call call, Dialog dialog) {
        dialogs.add(dialog);
        callsByDialog.put(dialog.id(), call);
    }

    void forgetDialog(Dialog dialog) {
        dialogs.terminate(dialog);
        callsByDialog.remove(dialog.id());
    }

    void forget(Call call, Dialog dialog) {
        dialogs.terminate(dialog);
        callsByDialog.remove(dialog.id(), call);
    }

    private static SipResponse.Builder reply(SipRequest request, int status) {
        SipResponse.Builder builder = SipResponse.replyTo(request, status);
        if (request.to().tag().isEmpty()) {
            builder.to(request.to().withTag(SipIdGenerator.newTag()));
        }
        return builder;
    }

    /** Option tags of Require this UA does not support: all of them, it supports no extension (s8.2.2.3). */
    private static List<String> requiredExtensions(SipRequest request) {
        List<String> tags = new ArrayList<>();
        for (String value : request.headerValues("Require")) {
            for (String tag : value.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.trim());
                }
            }
        }
        return tags;
    }

    /** s8.2.3: the UA only understands SDP bodies. */
    private static boolean isSdp(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase("application/sdp");
    }

    /** The UA core as transaction user. */
    private final class Core implements TransactionUser {

        @Override
        public void onRequest(SipRequest request, ServerTransaction transaction) {
            List<String> unsupported = requiredExtensions(request);
            if (!unsupported.isEmpty()) {
                transaction.respond(reply(request, 420).setHeader("Unsupported", String.join(", ", unsupported)).build());
                return;
            }
            if (request.to().tag().isPresent()) {
                inDialog(request, transaction);
                return;
            }
            if (isMerged(request, transaction)) {
                transaction.respond(reply(request, 482).build());
                return;
            }
            switch (request.method()) {
                case SipMethod.INVITE -> incoming(request, (ServerInviteTransaction) transaction);
                case SipMethod.OPTIONS -> transaction.respond(reply(request, 200)
                        .setHeader("Allow", ALLOW).setHeader("Accept", "application/sdp").build());
                case SipMethod.BYE -> transaction.respond(reply(request, 481).build());
                default -> transaction.respond(reply(request, 405).setHeader("Allow", ALLOW).build());
            }
        }

        /**
         * s8.2.2.2: a request without To tag whose From tag, Call-ID and CSeq equal those of a live
         * transaction it did not match arrived twice (forked and merged on the way): 482.
         */
        private boolean isMerged(SipRequest request, ServerTransaction transaction) {
            MergeKey key = MergeKey.of(request);
            ServerTransaction earlier = outOfDialog.putIfAbsent(key, transaction);
            if (earlier == null || earlier == transaction) {
                return false;
            }
            if (earlier.isTerminated()) {
                outOfDialog.put(key, transaction);
                return false;
            }
            return true;
        }

        private void incoming(SipRequest invite, ServerInviteTransaction transaction) {
            if (dialogs.isFull()) {
                transaction.respond(reply(invite, 503).setHeader("Retry-After", "5").build());
                return;
            }
            if (invite.body().length > 0 && !isSdp(invite.contentType().orElse(""))) {
                transaction.respond(reply(invite, 415).setHeader("Accept", "application/sdp").build());
                return;
            }
            IncomingCall call = new IncomingCall(UserAgent.this, invite, transaction);
            unanswered.put(transaction, call);
            try {
                handler.onInvite(call);
            } catch (RuntimeException failure) {
                if (!transaction.hasFinalResponse()) {
                    call.reject(500);
                }
            }
        }

        private void inDialog(SipRequest request, ServerTransaction transaction) {
            DialogMatch match = dialogs.match(request);
            if (!match.accepted()) {
                transaction.respond(match.rejection(request));
                return;
            }
            Dialog dialog = match.dialog();
            Call call = callsByDialog.get(dialog.id());
            switch (request.method()) {
                case SipMethod.BYE -> {
                    // s15.1.2: the session ends, then the 2xx; a peer holding the 200 never finds
                    // the call still active here.
                    if (call != null) {
                        call.end(new CallEnd(CallEnd.Reason.REMOTE_BYE, 0));
                    } else {
                        dialogs.terminate(dialog);
                    }
                    transaction.respond(SipResponse.replyTo(request, 200).build());
                }
                case SipMethod.INVITE -> {
                    SipResponse.Builder ok = SipResponse.replyTo(request, 200).contact(config.contact());
                    if (call instanceof IncomingCall incoming && incoming.localBody().length > 0) {
                        ok.body(incoming.localContentType(), incoming.localBody());
                    }
                    transaction.respond(ok.build());
                }
                case SipMethod.OPTIONS -> transaction.respond(SipResponse.replyTo(request, 200)
                        .setHeader("Allow", ALLOW).build());
                default -> transaction.respond(SipResponse.replyTo(request, 405).setHeader("Allow", ALLOW).build());
            }
        }

        @Override
        public void onAck(SipRequest ack, Flow flow) {
            Call call = callsByDialog.get(DialogId.ofReceivedRequest(ack));
            if (call instanceof IncomingCall incoming) {
                incoming.onAck(ack);
            }
        }

        @Override
        public void onCancel(SipRequest cancel, ServerInviteTransaction invite) {
            boolean terminated = invite.respondRequestTerminated();
            IncomingCall call = unanswered.remove(invite);
            if (terminated && call != null) {
                call.onCancelled();
            }
        }

        @Override
        public void onStrayResponse(SipResponse response, Flow flow) {
            Call call = callsByDialog.get(DialogId.ofReceivedResponse(response));
            if (call instanceof OutgoingCall outgoing) {
                outgoing.onRetransmitted2xx(response);
            }
        }

        @Override
        public void onServerTransactionFailure(ServerTransaction transaction, TransactionFailure failure) {
            if (transaction instanceof ServerInviteTransaction invite) {
                IncomingCall call = unanswered.remove(invite);
                if (call != null) {
                    call.onTransactionFailed(failure.impliedStatus());
                }
            }
        }

        @Override
        public void onServerTransactionTerminated(ServerTransaction transaction) {
            outOfDialog.remove(MergeKey.of(transaction), transaction);
            if (transaction instanceof ServerInviteTransaction invite) {
                IncomingCall call = unanswered.remove(invite);
                if (call != null && !invite.hasFinalResponse()) {
                    call.onTransactionFailed(503);
                }
            }
        }
    }
}
