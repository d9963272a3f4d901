package io.voxplane.runtime.media;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.session.DigitCollection;
import io.voxplane.media.session.FunctionOutcome;
import io.voxplane.media.session.MediaDirection;
import io.voxplane.media.session.MediaParameters;
import io.voxplane.media.session.MediaSession;
import io.voxplane.media.session.MediaSessionListener;
import io.voxplane.media.session.MediaStatistics;
import io.voxplane.media.session.MediaTransport;
import io.voxplane.runtime.Plane;
import io.voxplane.runtime.PlanePriorities;
import io.voxplane.runtime.PlaneStartException;
import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.runtime.config.VoxplaneSettings;
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
import io.voxplane.runtime.events.SendDtmf;
import io.voxplane.runtime.events.StartMediaFunction;
import io.voxplane.runtime.lifecycle.PhaseConfirmed;
import io.voxplane.runtime.lifecycle.PlaneStarted;
import io.voxplane.runtime.lifecycle.ShutdownPhase;
import io.voxplane.runtime.lifecycle.ShutdownPhaseStarted;
import io.voxplane.runtime.task.TaskTracker;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.sip.sdp.LocalAudio;
import io.voxplane.sip.sdp.NegotiatedAudio;
import io.voxplane.sip.sdp.SdpAnswer;
import io.voxplane.sip.sdp.SdpNegotiationException;
import io.voxplane.sip.sdp.SdpNegotiator;
import io.voxplane.sip.sdp.SdpParseException;
import io.voxplane.sip.sdp.SdpParser;
import io.voxplane.sip.sdp.SessionDescription;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The media plane: owns the RTP endpoints of the node's calls (a {@link MediaTransport} on
 * threads of the plane's {@link TaskTracker}) and answers signaling only through bus events
 * (RTP never travels on the bus):
 * <ul>
 * <li>{@link OpenMedia}: parses the offer, binds a port pair, answers it (RFC 3264 s6, PCMU, PCMA,
 * G722 and telephone-event), configures the session, starts the function:
 * {@link MediaOpened} with the answer; an offer it cannot accept: {@link MediaRejected} 488 with
 * a Warning (RFC 3261 s20.43); no port: 503;</li>
 * <li>{@link ModifyMedia} (re-INVITE, s8: hold, resume, new address or codec): {@link MediaModified}
 * or {@link MediaRejected};</li>
 * <li>{@link StartMediaFunction}: replaces the function; {@link CloseMedia}: frees the endpoint;</li>
 * <li>{@link SendDtmf}: the session sends the digits as RFC 4733 events in the call's stream;
 * {@link DtmfSent} once the last end packets are out, or why not;</li>
 * <li>back to signaling: {@link DtmfReceived}, {@link MediaFunctionFinished}, {@link MediaInactive};
 * {@link MediaQualityReport} to whoever listens.</li>
 * </ul>
 * Events of one Call-ID arrive in order (session-bound), so a call's state needs no more locking
 * than the listener's callbacks from the RTP threads ask for.
 *
 * <p>Started once before the signaling plane, stopped after it: every session closed (last
 * quality report), every port freed, event loops ended. Idempotent.
 *
 * <p>Takes part in the phased shutdown (docs/operations.md): announces itself with
 * {@link PlaneStarted} and confirms each {@link ShutdownPhaseStarted} with {@link PhaseConfirmed}:
 * INITIATED: new {@link OpenMedia} are refused with 503 and the shutdown's Retry-After
 * ({@value #SHUTTING_DOWN}); DRAINING: nothing to do (the calls may end by themselves);
 * TERMINATING: every call's media is closed ({@link #releaseAll()}: last quality report, RTCP BYE,
 * ports freed) while the signaling plane sends the calls' BYEs; COMPLETED: the RTP event loops
 * end ({@link #stop()}), confirmed with whatever tasks or threads were left. Without a shutdown
 * coordinator the plane stops in one step when the container destroys it.
 */
@ApplicationScoped
public class MediaPlane {

    private static final System.Logger LOG = System.getLogger(MediaPlane.class.getName());

    /** An offer came while the media plane does not run: 503. */
    static final String NOT_RUNNING = "VXRT-401";
    /** A second OpenMedia for a Call-ID that already has media: 500. */
    static final String DUPLICATE_CALL = "VXRT-402";
    /** ModifyMedia or StartMediaFunction for a Call-ID without media. */
    static final String NO_MEDIA = "VXRT-403";
    /** The bus refused an event of the media plane (queue full or closed); logged. */
    static final String BUS_REFUSED = "VXRT-404";
    /** An offer came after the shutdown began: 503 with Retry-After. */
    static final String SHUTTING_DOWN = "VXRT-405";
    /** The media plane failed its part of a shutdown phase; it confirms anyway, naming the failure. */
    static final String PHASE_FAILED = "VXRT-406";

    /** The SDP o= username of this node's descriptions (RFC 4566 s5.2: no user here). */
    static final String SDP_USER = "voxplane";

    @Inject
    Bus bus;

    @Inject
    TaskTrackers trackers;

    @Inject
    MediaSettings media;

    @Inject
    VoxplaneSettings settings;

    @Inject
    Event<PlaneStarted> started;

    @Inject
    Event<PhaseConfirmed> confirmations;

    /** Retry-After (seconds) of the 503 to new offers once shutdown began; null while accepting. */
    private volatile String refusingRetryAfter;
    private final ConcurrentHashMap<String, MediaCallState> calls = new ConcurrentHashMap<>();
    private final SdpParser parser = new SdpParser();
    private volatile PlaneState state = PlaneState.NEW;
    private volatile MediaTransport transport;
    private TaskTracker tasks;

    void onStartup(@Observes @Priority(PlanePriorities.MEDIA_START) @Initialized(ApplicationScoped.class)
            Object event) {
        start();
    }

    void onShutdown(@Observes @Priority(PlanePriorities.MEDIA_STOP) @BeforeDestroyed(ApplicationScoped.class)
            Object event) {
        stop();
    }

    @PreDestroy
    void destroy() {
        stop();
    }

    /**
     * Starts the RTP event loops. Does nothing when already started.
     *
     * @throws PlaneStartException when the event loops cannot start
     */
    public synchronized void start() {
        if (state != PlaneState.NEW) {
            return;
        }
        state = PlaneState.STARTING;
        tasks = trackers.forPlane(Plane.MEDIA);
        try {
            transport = MediaTransport.start(tasks.threadFactory("rtp"), tasks.scheduler(), media.engine());
            state = PlaneState.RUNNING;
            started.fire(new PlaneStarted(Plane.MEDIA));
            LOG.log(Level.INFO, () -> "media plane running on " + transport.rtp() + ", RTP on " + media.sdpAddress()
                    + " ports " + media.engine().rtpPortMin() + "-" + media.engine().rtpPortMax());
        } catch (RuntimeException e) {
            state = PlaneState.FAILED;
            tasks.close(true);
            throw new PlaneStartException(Plane.MEDIA, "cannot start RTP (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Releases all media: closes every session (each gives its last quality report), frees every
     * port and ends the event loops within {@link VoxplaneSettings#stopTimeout()}. Idempotent.
     */
    public void stop() {
        MediaTransport running;
        synchronized (this) {
            if (state == PlaneState.STOPPED || state == PlaneState.STOPPING) {
                return;
            }
            running = transport;
            state = PlaneState.STOPPING;
        }
        releaseAll();
        if (running != null && !running.stop(settings.stopTimeout())) {
            LOG.log(Level.WARNING, "VXRT-003 media plane: RTP event loops still running after "
                    + settings.stopTimeout());
        }
        if (tasks != null) {
            tasks.close(true);
            List<String> leaks = tasks.leaks();
            if (!leaks.isEmpty()) {
                LOG.log(Level.WARNING, "VXRT-003 media plane stopped with work left: " + leaks);
            }
        }
        state = PlaneState.STOPPED;
        // DEBUG: the shutdown report says it; a log line costs tens of ms while Payara shuts down
        LOG.log(Level.DEBUG, "media plane stopped");
    }

    /** Whether new offers are turned away with 503 (the shutdown began). */
    public boolean isRefusingNewMedia() {
        return refusingRetryAfter != null;
    }

    void onShutdownPhase(@ObservesAsync ShutdownPhaseStarted phase) {
        try {
            runPhase(phase);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, PHASE_FAILED + " media plane failed its part of shutdown phase " + phase.phase(), e);
            confirm(phase.phase(), List.of("failed: " + e));
        }
    }

    private void runPhase(ShutdownPhaseStarted phase) {
        if (state != PlaneState.RUNNING) {
            confirm(phase.phase(), List.of());
            return;
        }
        switch (phase.phase()) {
            case INITIATED -> {
                refusingRetryAfter = phase.settings().retryAfterHeader();
                confirm(ShutdownPhase.INITIATED, List.of());
            }
            case TERMINATING -> {
                int released = releaseAll();
                LOG.log(Level.DEBUG, () -> "media plane released the media of " + released + " calls");
                confirm(ShutdownPhase.TERMINATING, List.of());
            }
            case COMPLETED -> {
                stop();
                List<String> left = new ArrayList<>(tasks == null ? List.of() : tasks.leaks());
                confirm(ShutdownPhase.COMPLETED, left);
            }
            case DRAINING, RUNNING -> confirm(phase.phase(), List.of());
        }
    }

    private void confirm(ShutdownPhase phase, List<String> left) {
        confirmations.fire(new PhaseConfirmed(Plane.MEDIA, phase, left));
    }

    /**
     * Closes every call's media now (the TERMINATING phase of a shutdown: the calls are being
     * hung up); the plane keeps running. Returns how many were closed.
     */
    public int releaseAll() {
        int count = 0;
        for (String callId : List.copyOf(calls.keySet())) {
            if (close(callId)) {
                count++;
            }
        }
        return count;
    }

    public PlaneState state() {
        return state;
    }

    /** Calls with open media. */
    public int openCalls() {
        return calls.size();
    }

    /** The media counters of a call, while its media is open. */
    public Optional<MediaStatistics> statistics(String callId) {
        MediaCallState call = calls.get(callId);
        return call == null ? Optional.empty() : Optional.of(call.session.statistics());
    }

    /** The name of the media function a call runs now ({@code echo}, {@code prompt} ... or {@code none}). */
    public Optional<String> function(String callId) {
        MediaCallState call = calls.get(callId);
        return call == null ? Optional.empty() : Optional.of(call.session.functionName());
    }

    /** The plane's task counters and leaks, once started. */
    public Optional<TaskTracker> tasks() {
        return Optional.ofNullable(tasks);
    }

    /** The settings in use. */
    public MediaSettings settings() {
        return media;
    }

    // ------------------------------------------------------------------ events from signaling

    void onOpen(@ObservesAsync OpenMedia open) {
        String callId = open.callId();
        MediaTransport engine = transport;
        if (engine == null || state != PlaneState.RUNNING) {
            publish(new MediaRejected(callId, 0, 503, "", NOT_RUNNING + " media plane is " + state));
            return;
        }
        String retryAfter = refusingRetryAfter;
        if (retryAfter != null) {
            publish(new MediaRejected(callId, 0, 503, "", SHUTTING_DOWN + " the node is shutting down", retryAfter));
            return;
        }
        if (calls.containsKey(callId)) {
            publish(new MediaRejected(callId, 0, 500, "", DUPLICATE_CALL + " call " + callId + " already has media"));
            return;
        }
        SessionDescription offer;
        try {
            offer = parser.parse(open.offer());
        } catch (SdpParseException e) {
            publish(new MediaRejected(callId, 0, 488, warning("unreadable SDP offer: " + e.getMessage()),
                    e.getMessage()));
            return;
        }
        MediaSession session;
        try {
            session = engine.open(media.address());
        } catch (MediaException e) {
            publish(new MediaRejected(callId, 0, 503, warning("no media port free"), e.getMessage()));
            return;
        }
        MediaCallState call = new MediaCallState(callId, session,
                new SdpNegotiator(SDP_USER, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE >>> 2)));
        SdpAnswer answer;
        try {
            answer = call.negotiator.answer(offer, local(session));
            session.configure(parameters(answer.audio()));
        } catch (SdpNegotiationException e) {
            session.close();
            publish(new MediaRejected(callId, 0, e.statusCode(), e.warning(media.sdpAddress()).orElse(""),
                    e.getMessage()));
            return;
        } catch (MediaException | UnknownHostException e) {
            session.close();
            publish(new MediaRejected(callId, 0, 488, warning(e.getMessage()), e.getMessage()));
            return;
        }
        session.listener(new Listener(call));
        calls.put(callId, call);
        // The caller may send RTP as soon as the 200 reaches it: a function working on the caller's
        // media (echo, record, digits, conference) runs before the answer is published, or those
        // first packets find none (a caller lost its first echoes when this thread stalled). A
        // prompt only sends, so it starts after: it neither plays nor ends before the answer.
        MediaFunctionSpec function = open.function();
        if (function.kind() == MediaFunctionSpec.Kind.PROMPT) {
            publish(new MediaOpened(callId, answer.sdp().encode()));
            startFunction(call, 0, function);
            return;
        }
        MediaFunctionFinished failed = beginFunction(call, 0, function);
        publish(new MediaOpened(callId, answer.sdp().encode()));
        if (failed != null) {
            publish(failed);
        }
    }

    void onModify(@ObservesAsync ModifyMedia modify) {
        MediaCallState call = calls.get(modify.callId());
        if (call == null) {
            publish(new MediaRejected(modify.callId(), modify.requestId(), 481, "",
                    NO_MEDIA + " call " + modify.callId() + " has no media"));
            return;
        }
        try {
            SessionDescription offer = parser.parse(modify.offer());
            SdpAnswer answer = call.negotiator.answer(offer, local(call.session));
            call.session.configure(parameters(answer.audio()));
            publish(new MediaModified(modify.callId(), modify.requestId(), answer.sdp().encode()));
        } catch (SdpParseException e) {
            publish(new MediaRejected(modify.callId(), modify.requestId(), 488,
                    warning("unreadable SDP offer: " + e.getMessage()), e.getMessage()));
        } catch (SdpNegotiationException e) {
            publish(new MediaRejected(modify.callId(), modify.requestId(), e.statusCode(),
                    e.warning(media.sdpAddress()).orElse(""), e.getMessage()));
        } catch (MediaException | UnknownHostException e) {
            publish(new MediaRejected(modify.callId(), modify.requestId(), 488, warning(e.getMessage()),
                    e.getMessage()));
        }
    }

    void onStartFunction(@ObservesAsync StartMediaFunction start) {
        MediaCallState call = calls.get(start.callId());
        if (call == null) {
            publish(new MediaFunctionFinished(start.callId(), start.commandId(), name(start.function().kind()),
                    "FAILED", "", NO_MEDIA + " call " + start.callId() + " has no media"));
            return;
        }
        startFunction(call, start.commandId(), start.function());
    }

    void onSendDtmf(@ObservesAsync SendDtmf send) {
        MediaCallState call = calls.get(send.callId());
        if (call == null) {
            publish(new DtmfSent(send.callId(), send.commandId(), DtmfSent.Outcome.MEDIA_CLOSED,
                    NO_MEDIA + " call " + send.callId() + " has no media"));
            return;
        }
        call.session.sendDtmf(send.digits(), send.toneMillis(), send.gapMillis())
                .whenComplete((done, failure) -> publish(dtmfSent(send, failure)));
    }

    /** The answer to {@code send}: sent, or the outcome matching the failure's type and code. */
    static DtmfSent dtmfSent(SendDtmf send, Throwable failure) {
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        DtmfSent.Outcome outcome = switch (cause) {
            case null -> DtmfSent.Outcome.SENT;
            case IllegalArgumentException bad -> DtmfSent.Outcome.BAD_REQUEST;
            case MediaException media when media.code() == MediaErrorCode.NO_TELEPHONE_EVENT ->
                    DtmfSent.Outcome.NO_TELEPHONE_EVENT;
            case MediaException media when media.code() == MediaErrorCode.NOT_SENDING -> DtmfSent.Outcome.NOT_SENDING;
            default -> DtmfSent.Outcome.MEDIA_CLOSED;
        };
        return new DtmfSent(send.callId(), send.commandId(), outcome, cause == null ? "" : String.valueOf(cause.getMessage()));
    }

    void onClose(@ObservesAsync CloseMedia close) {
        close(close.callId());
    }

    // ------------------------------------------------------------------ internals

    private boolean close(String callId) {
        MediaCallState call = calls.remove(callId);
        if (call == null) {
            return false;
        }
        call.session.stopFunction();
        long running = call.finish();
        if (running != MediaCallState.NONE) {
            publish(new MediaFunctionFinished(callId, running, call.runningFunction(), "STOPPED", "", ""));
        }
        call.session.close();
        MediaStatistics s = call.session.statistics();
        LOG.log(Level.INFO, () -> "media of call " + callId + " closed: " + s.packetsReceived() + " RTP packets in, "
                + s.packetsSent() + " out, " + s.invalidPackets() + " invalid, " + s.packetsLost() + " lost, "
                + s.digits() + " digits, MOS " + (s.quality() == null ? "-" : String.format("%.2f", s.quality().mos())));
        return true;
    }

    /**
     * Replaces the call's function. The old one is stopped first (so it cannot report after the
     * new command is recorded) and reported STOPPED; a function that cannot start reports FAILED.
     */
    private void startFunction(MediaCallState call, long commandId, MediaFunctionSpec spec) {
        MediaFunctionFinished failed = beginFunction(call, commandId, spec);
        if (failed != null) {
            publish(failed);
        }
    }

    /**
     * Replaces the call's function with {@code spec}'s.
     *
     * @return the FAILED event to publish when the function could not start, else null
     */
    private MediaFunctionFinished beginFunction(MediaCallState call, long commandId, MediaFunctionSpec spec) {
        MediaSession session = call.session;
        session.stopFunction();
        long previous = call.replace(spec.kind() == MediaFunctionSpec.Kind.NONE ? MediaCallState.NONE : commandId,
                name(spec.kind()));
        if (previous != MediaCallState.NONE) {
            publish(new MediaFunctionFinished(call.callId, previous, "", "STOPPED", "", ""));
        }
        try {
            switch (spec.kind()) {
                case NONE -> {
                    // silent until a command comes
                }
                case ECHO -> session.echo();
                case PROMPT -> session.play(resolve(spec.resource()));
                case RECORD -> {
                    if (spec.timeout().isZero()) {
                        session.record(resolve(spec.resource()));
                    } else {
                        session.record(resolve(spec.resource()), spec.timeout());
                    }
                }
                case COLLECT_DIGITS -> session.collectDigits(new DigitCollection(spec.maxDigits(), spec.terminator(),
                        DigitCollection.DEFAULT_INTER_DIGIT_TIMEOUT,
                        spec.timeout().isZero() ? DigitCollection.DEFAULT_OVERALL_TIMEOUT : spec.timeout()));
                case CONFERENCE -> transport.conferenceRoom(spec.resource()).join(session);
            }
        } catch (MediaException | IllegalArgumentException e) {
            call.finish();
            return new MediaFunctionFinished(call.callId, commandId, name(spec.kind()), "FAILED", "",
                    e.getMessage());
        }
        return null;
    }

    private Path resolve(String resource) {
        Path path = Path.of(resource);
        return path.isAbsolute() ? path : media.promptDirectory().resolve(path);
    }

    private LocalAudio local(MediaSession session) {
        return LocalAudio.of(media.sdpAddress(), session.localAddress().getPort()).withPtime(media.ptimeMillis());
    }

    /**
     * What the session needs of an offer/answer outcome: send and receive payload types apart
     * (RFC 3264 s6.1), the RTCP address (RFC 3605), the peer's ptime rounded to 10 ms steps.
     */
    static MediaParameters parameters(NegotiatedAudio audio) throws UnknownHostException {
        InetSocketAddress rtp = new InetSocketAddress(InetAddress.getByName(audio.remoteAddress()),
                audio.remoteRtpPort());
        InetSocketAddress rtcp = new InetSocketAddress(InetAddress.getByName(audio.remoteRtcpAddress()),
                audio.remoteRtcpPort());
        int ptime = Math.clamp(Math.round(audio.ptime() / 10.0f) * 10, 10, MediaParameters.MAX_PTIME_MILLIS);
        return new MediaParameters(rtp, rtcp, MediaParameters.codec(audio.codec().name(), audio.codec().clockRate()),
                audio.codec().payloadType(), audio.receivePayloadType(), ptime,
                audio.telephoneEventPayloadType().orElse(MediaParameters.NO_TELEPHONE_EVENT),
                audio.receiveTelephoneEventPayloadType().orElse(MediaParameters.NO_TELEPHONE_EVENT),
                MediaDirection.valueOf(audio.direction().name()));
    }

    /** A Warning header value (RFC 3261 s20.43: 399 miscellaneous, this node as agent). */
    private String warning(String text) {
        return "399 " + media.sdpAddress() + " \"" + text.replace('"', '\'').replace('\\', '/') + "\"";
    }

    private static String name(MediaFunctionSpec.Kind kind) {
        return switch (kind) {
            case NONE -> "none";
            case ECHO -> "echo";
            case PROMPT -> "prompt";
            case RECORD -> "record";
            case COLLECT_DIGITS -> "collect-digits";
            case CONFERENCE -> "conference";
        };
    }

    private void publish(BusEvent event) {
        if (!bus.publish(event)) {
            LOG.log(Level.WARNING, () -> BUS_REFUSED + " media plane could not publish " + event.getClass().getSimpleName()
                    + " (bus queue full or closed)");
        }
    }

    /** Turns what a session reports (on RTP and timer threads) into bus events. */
    private final class Listener implements MediaSessionListener {

        private final MediaCallState call;

        Listener(MediaCallState call) {
            this.call = call;
        }

        @Override
        public void onDigit(MediaSession session, char digit) {
            publish(new DtmfReceived(call.callId, digit));
        }

        @Override
        public void onQualityReport(MediaSession session, MediaStatistics s, boolean last) {
            publish(new MediaQualityReport(call.callId, s.quality() == null ? 0 : s.quality().mos(),
                    s.quality() == null ? 0 : s.quality().lossPercent(), s.jitterMillis(), s.roundTripMillis(),
                    s.packetsReceived(), s.packetsSent(), s.digits(), last));
        }

        @Override
        public void onInactivity(MediaSession session, long idleNanos) {
            publish(new MediaInactive(call.callId, Duration.ofNanos(idleNanos).toMillis()));
        }

        @Override
        public void onFunctionFinished(MediaSession session, FunctionOutcome outcome) {
            long command = call.finish();
            if (command != MediaCallState.NONE) {
                publish(new MediaFunctionFinished(call.callId, command, outcome.function(), outcome.reason().name(),
                        outcome.digits(), ""));
            }
        }
    }
}
