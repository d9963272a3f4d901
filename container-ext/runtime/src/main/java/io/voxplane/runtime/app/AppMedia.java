package io.voxplane.runtime.app;

import io.voxplane.api.MediaCall;
import io.voxplane.api.MediaFunction;
import io.voxplane.api.MediaRejectedException;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.runtime.events.CloseMedia;
import io.voxplane.runtime.events.DtmfReceived;
import io.voxplane.runtime.events.DtmfSent;
import io.voxplane.runtime.events.MediaFunctionFinished;
import io.voxplane.runtime.events.MediaFunctionSpec;
import io.voxplane.runtime.events.MediaInactive;
import io.voxplane.runtime.events.MediaModified;
import io.voxplane.runtime.events.MediaOpened;
import io.voxplane.runtime.events.MediaQualityReport;
import io.voxplane.runtime.events.MediaRejected;
import io.voxplane.runtime.events.ModifyMedia;
import io.voxplane.runtime.events.OpenMedia;
import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transaction.ServerInviteTransaction;
import io.voxplane.stack.transaction.ServerTransaction;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signaling side of calls apps answer with media: talks to the media plane only through bus
 * events, keyed by Call-ID.
 * <ul>
 * <li>{@link SipRequest#answerWithMedia}: the INVITE's offer goes out as {@link OpenMedia};
 * {@link MediaOpened} answers the INVITE 200 with the media plane's SDP (the dialog);
 * {@link MediaRejected} answers it with the status and Warning given. An INVITE without an
 * SDP body is answered 488 here ({@value AppCodes#NO_OFFER}: late offer, RFC 3261 s13.2.1, is not
 * supported).</li>
 * <li>a re-INVITE in the dialog (RFC 3264 s8): {@link ModifyMedia}, then 200 with the new answer,
 * or the rejection; without SDP, 200 offering our last description again.</li>
 * <li>the end of the call (BYE either way, CANCEL, no ACK, hangup): {@link CloseMedia};</li>
 * <li>{@link MediaCall#sendDtmf}: {@code SendDtmf}; {@link DtmfSent} completes its stage;</li>
 * <li>{@link DtmfReceived} to the app's listener, {@link MediaFunctionFinished} to its stages,
 * {@link MediaInactive}: the container hangs up (BYE).</li>
 * </ul>
 */
final class AppMedia {

    private static final System.Logger LOG = System.getLogger(AppMedia.class.getName());

    /** Content type of session descriptions (RFC 4566 s8.1). */
    static final String SDP = "application/sdp";

    /** Warning agent of answers the container makes (RFC 3261 s20.43 allows a pseudonym). */
    private static final String AGENT = "voxplane";

    private final Bus bus;
    private final ConcurrentHashMap<String, AppMediaCall> calls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<MediaCall>> opening = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, PendingOffer> reoffers = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();

    /** A re-INVITE waiting for the media plane's answer. */
    private record PendingOffer(SipRequest request, ServerTransaction server, AppDialog dialog, AppMediaCall call) {
    }

    AppMedia(Bus bus) {
        this.bus = bus;
    }

    boolean publish(BusEvent event) {
        return bus.publish(event);
    }

    /** Calls with media now (for tests and operations). */
    int size() {
        return calls.size();
    }

    /**
     * Sends the INVITE's offer to the media plane (the decision is taken, under the call's lock).
     * The stage completes once the INVITE is answered.
     */
    CompletionStage<MediaCall> open(AppSipRequest invite, MediaFunction function) {
        CompletableFuture<MediaCall> result = new CompletableFuture<>();
        SipRequest request = invite.stackRequest();
        boolean sdp = request.body().length > 0 && request.contentType()
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith(SDP)).orElse(false);
        if (!sdp) {
            String why = AppCodes.NO_OFFER + " no SDP offer in the INVITE (offers in the ACK are not supported)";
            invite.rejectMedia(488, warning(why));
            result.completeExceptionally(new MediaRejectedException(488, why));
            return result;
        }
        String callId = invite.callId();
        AppMediaCall call = new AppMediaCall(this, invite);
        calls.put(callId, call);
        opening.put(callId, result);
        invite.finished().whenComplete((done, failure) -> ended(call));
        if (!bus.publish(new OpenMedia(callId, new String(request.body(), StandardCharsets.UTF_8), spec(function)))) {
            String why = AppCodes.MEDIA_REJECTED + " the media plane is not reachable (bus full or stopped)";
            opening.remove(callId);
            invite.rejectMedia(503, "");
            result.completeExceptionally(new MediaRejectedException(503, why));
        }
        return result;
    }

    /**
     * A re-INVITE inside a media call's dialog: the container answers it (true), or the call has
     * no media and the app's handler should (false).
     */
    boolean reinvite(AppDialog dialog, AppCall call, SipRequest request, ServerTransaction server) {
        AppMediaCall media = calls.get(call.callId());
        if (media == null) {
            return false;
        }
        if (request.body().length == 0) {
            // an offerless re-INVITE: our 200 carries the offer (s14.1), the ACK the answer
            answer(dialog, server, ok(request, server, media, media.lastAnswer()));
            return true;
        }
        long id = requests.incrementAndGet();
        reoffers.put(id, new PendingOffer(request, server, dialog, media));
        if (!bus.publish(new ModifyMedia(call.callId(), id, new String(request.body(), StandardCharsets.UTF_8)))) {
            reoffers.remove(id);
            server.respond(SipResponse.replyTo(request, 503).setHeader("Retry-After", "1").build());
        }
        return true;
    }

    void onOpened(MediaOpened opened) {
        CompletableFuture<MediaCall> result = opening.remove(opened.callId());
        AppMediaCall call = calls.get(opened.callId());
        if (result == null || call == null) {
            // the call ended first (CANCEL): its CloseMedia follows this event on the media plane
            return;
        }
        call.lastAnswer(opened.answer());
        call.call().runSerially(() -> {
            if (call.invite().answerMedia(opened.answer().getBytes(StandardCharsets.UTF_8))) {
                result.complete(call);
            } else {
                result.completeExceptionally(new MediaRejectedException(487, "the caller cancelled first"));
            }
        });
    }

    void onRejected(MediaRejected rejected) {
        if (rejected.requestId() != 0) {
            PendingOffer pending = reoffers.remove(rejected.requestId());
            if (pending != null) {
                SipResponse.Builder response = SipResponse.replyTo(pending.request(), rejected.status());
                if (!rejected.warning().isEmpty()) {
                    response.setHeader(HeaderNames.WARNING, rejected.warning());
                }
                if (!rejected.retryAfter().isEmpty()) {
                    response.setHeader("Retry-After", rejected.retryAfter());
                }
                pending.server().respond(response.build());
            }
            return;
        }
        CompletableFuture<MediaCall> result = opening.remove(rejected.callId());
        AppMediaCall call = calls.remove(rejected.callId());
        if (result == null || call == null) {
            return;
        }
        LOG.log(Level.INFO, () -> AppCodes.MEDIA_REJECTED + " " + call.invite() + " answered " + rejected.status()
                + ": " + rejected.reason());
        call.call().runSerially(() -> {
            call.invite().rejectMedia(rejected.status(), rejected.warning(), rejected.retryAfter());
            result.completeExceptionally(new MediaRejectedException(rejected.status(), rejected.reason()));
        });
    }

    void onModified(MediaModified modified) {
        PendingOffer pending = reoffers.remove(modified.requestId());
        if (pending == null) {
            return;
        }
        pending.call().lastAnswer(modified.answer());
        answer(pending.dialog(), pending.server(),
                ok(pending.request(), pending.server(), pending.call(), modified.answer()));
    }

    /** A 2xx to a re-INVITE goes through the dialog, which retransmits it until the ACK (s13.3.1.4). */
    private static void answer(AppDialog dialog, ServerTransaction server, SipResponse ok) {
        if (server instanceof ServerInviteTransaction reInvite) {
            dialog.incoming().answerReInvite(reInvite, ok);
        } else {
            server.respond(ok);
        }
    }

    void onDtmf(DtmfReceived received) {
        AppMediaCall call = calls.get(received.callId());
        if (call != null) {
            call.digit(received.digit());
        }
    }

    void onFinished(MediaFunctionFinished finished) {
        AppMediaCall call = calls.get(finished.callId());
        if (call != null) {
            call.finished(finished.commandId(), finished.reason(), finished.digits(), finished.detail());
        }
    }

    void onDtmfSent(DtmfSent sent) {
        AppMediaCall call = calls.get(sent.callId());
        if (call != null) {
            call.dtmfSent(sent.commandId(), sent.outcome(), sent.detail());
        }
    }

    void onQuality(MediaQualityReport report) {
        AppMediaCall call = calls.get(report.callId());
        if (call != null) {
            call.quality(new io.voxplane.api.MediaQuality(report.mos(), report.lossPercent(), report.jitterMillis(),
                    report.roundTripMillis(), report.packetsReceived(), report.packetsSent(), report.digits()));
        }
    }

    void onInactive(MediaInactive inactive) {
        AppMediaCall call = calls.get(inactive.callId());
        if (call != null) {
            LOG.log(Level.INFO, () -> "no RTP on call " + inactive.callId() + " for " + inactive.idleMillis()
                    + " ms: hanging up");
            call.hangup();
        }
    }

    /** The INVITE's dialog (or its rejection) is over: the media plane frees the call's media. */
    private void ended(AppMediaCall call) {
        calls.remove(call.callId(), call);
        CompletableFuture<MediaCall> result = opening.remove(call.callId());
        if (result != null) {
            result.completeExceptionally(new MediaRejectedException(487, "the call ended before media was up"));
        }
        reoffers.values().removeIf(pending -> pending.call() == call);
        bus.publish(new CloseMedia(call.callId()));
        call.close();
    }

    private SipResponse ok(SipRequest request, ServerTransaction server, AppMediaCall call, String sdp) {
        return SipResponse.replyTo(request, 200).contact(call.invite().contactFor(server))
                .body(SDP, sdp.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String warning(String text) {
        return "399 " + AGENT + " \"" + text.replace('"', '\'') + "\"";
    }

    private static MediaFunctionSpec spec(MediaFunction function) {
        return switch (function.kind()) {
            case NONE -> MediaFunctionSpec.none();
            case ECHO -> MediaFunctionSpec.echo();
            case PROMPT -> MediaFunctionSpec.prompt(function.resource());
            case RECORD -> MediaFunctionSpec.record(function.resource(), Duration.ZERO);
            case CONFERENCE -> MediaFunctionSpec.conference(function.resource());
        };
    }
}
