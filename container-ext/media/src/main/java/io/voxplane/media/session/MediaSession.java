package io.voxplane.media.session;

import io.netty.buffer.ByteBuf;
import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.NanoClock;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioEncoder;
import io.voxplane.media.dtmf.DtmfFormatException;
import io.voxplane.media.dtmf.DtmfReceiver;
import io.voxplane.media.dtmf.DtmfSender;
import io.voxplane.media.dtmf.TelephoneEvent;
import io.voxplane.media.jitter.JitterBuffer;
import io.voxplane.media.jitter.JitterBufferConfig;
import io.voxplane.media.jitter.JitterBufferStatistics;
import io.voxplane.media.quality.CallQuality;
import io.voxplane.media.rtp.Goodbye;
import io.voxplane.media.rtp.InactivityMonitor;
import io.voxplane.media.rtp.NtpTime;
import io.voxplane.media.rtp.ReceiverReport;
import io.voxplane.media.rtp.ReportBlock;
import io.voxplane.media.rtp.RtcpCodec;
import io.voxplane.media.rtp.RtcpPacket;
import io.voxplane.media.rtp.RtcpScheduler;
import io.voxplane.media.rtp.RtpEndpoint;
import io.voxplane.media.rtp.RtpFormatException;
import io.voxplane.media.rtp.RtpPacket;
import io.voxplane.media.rtp.RtpSendStatistics;
import io.voxplane.media.rtp.RtpSourceStatistics;
import io.voxplane.media.rtp.RtpTransport;
import io.voxplane.media.rtp.SenderReport;
import io.voxplane.media.rtp.SymmetricRtpLatch;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One call's audio stream: an {@link RtpEndpoint} (RTP and RTCP sockets), the negotiated
 * {@link MediaParameters}, and at most one media function (echo, prompt, record, digit collection,
 * conference) that can be replaced at any time.
 *
 * <p>Receive path (RFC 3550): every datagram is validated ({@link RtpPacket#wrap}); invalid ones
 * are counted and dropped, never thrown. Valid packets move the symmetric RTP latch (RFC 4961,
 * {@link SymmetricRtpLatch}), reset the inactivity timer ({@link InactivityMonitor}) and update
 * the receive statistics (A.1, A.3, A.8). Telephone-events (RFC 4733) become digits through a
 * {@link DtmfReceiver}, reported once per event; audio goes to the function. Datagrams on the
 * RTP port that are RTCP (RFC 5761 s4) are handled as RTCP.
 *
 * <p>Send path: one outgoing stream (SSRC, sequence, timestamp; {@link RtpStreamSender}) to the
 * latched address, only while the direction sends. DTMF goes out as RFC 4733 telephone-events in
 * the same stream ({@link #sendDtmf}), the function's audio held back while an event lasts. RTCP SR/RR with SDES CNAME go out at the
 * randomised interval of s6.2 ({@link RtcpScheduler}) and a BYE at close (s6.6).
 *
 * <p>Timers (paced sending, inactivity, RTCP, quality reports) run on the transport's
 * {@link ScheduledExecutorService} and {@link NanoClock}. All state is guarded by one lock, taken
 * by the event loop and by the timers; the listener is called with it held.
 *
 * <p>Lifecycle: opened by {@link MediaTransport#open}, {@link #configure configured} once the
 * offer/answer is done (again on re-INVITE: new remote, codec, hold), {@link #close() closed}
 * once (idempotent): the function stops, a last quality report is given, the sockets close and the
 * ports return to the allocator.
 */
public final class MediaSession implements AutoCloseable {

    /** RTP payload type of comfort noise (RFC 3389): counts as activity, otherwise ignored. */
    static final int COMFORT_NOISE_PT = 13;

    final Object lock = new Object();
    private final MediaTransport transport;
    private final RtpEndpoint endpoint;
    private final NanoClock clock;
    private final ScheduledExecutorService scheduler;
    private final MediaConfig config;
    private final RtpStreamSender sender;
    private final DtmfReceiver dtmf = new DtmfReceiver();
    private final DtmfTransmitter dtmfOut = new DtmfTransmitter(this);
    private final RtpPacket view = new RtpPacket();
    private final byte[] receiveBuffer = new byte[RtpTransport.MAX_DATAGRAM];

    private MediaSessionListener listener = MediaSessionListener.NONE;
    private MediaParameters params;
    private SymmetricRtpLatch latch;
    private SymmetricRtpLatch rtcpLatch;
    private RtpSourceStatistics received;
    private RtpSendStatistics sent;
    private InactivityMonitor inactivity;
    private boolean inactivityReported;
    private MediaFunction function;
    private JitterBuffer jitterBuffer;
    private AudioEncoder encoder;
    private byte[] encoded;
    private ScheduledFuture<?> inactivityCheck;
    private ScheduledFuture<?> rtcpTimer;
    private ScheduledFuture<?> qualityTimer;
    private boolean rtcpInitial = true;
    private boolean closed;
    private long packetsReceived;
    private long packetsSent;
    private long invalid;
    private long rtcpReceived;
    private long rtcpSent;
    private long digits;
    private long roundTripNanos = -1;
    private long listenerFailures;

    MediaSession(MediaTransport transport, RtpEndpoint endpoint) {
        this.transport = transport;
        this.endpoint = endpoint;
        this.clock = transport.clock();
        this.scheduler = transport.scheduler();
        this.config = transport.config();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.sender = new RtpStreamSender(clock, random.nextInt(), random.nextInt(), random.nextInt());
        endpoint.receiver(new RtpEndpoint.Receiver() {
            @Override
            public void onRtp(ByteBuf datagram, InetSocketAddress from) {
                receiveRtp(datagram, from);
            }

            @Override
            public void onRtcp(ByteBuf datagram, InetSocketAddress from) {
                receiveRtcp(datagram, from);
            }
        });
    }

    // ---------------------------------------------------------------- public API

    /** Our RTP address (for the SDP {@code c=}/{@code m=} line). */
    public InetSocketAddress localAddress() {
        return endpoint.rtpAddress();
    }

    /** Our RTCP address (RTP port + 1). */
    public InetSocketAddress rtcpAddress() {
        return endpoint.rtcpAddress();
    }

    /** Our SSRC. */
    public long ssrc() {
        return sender.ssrc();
    }

    /** Sets who hears about digits, quality, inactivity and finished functions. */
    public MediaSession listener(MediaSessionListener l) {
        synchronized (lock) {
            this.listener = Objects.requireNonNull(l, "listener");
        }
        return this;
    }

    /**
     * Applies negotiated parameters: first after the initial offer/answer, then again after every
     * re-negotiation. A new remote address restarts latching; a new codec, payload type or ptime
     * renews the encoder and the jitter buffer; a direction that does not receive (hold) pauses
     * the inactivity timer and one that does not send silences the stream.
     *
     * @throws MediaException {@code VXMED-009} when closed
     */
    public MediaSession configure(MediaParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        synchronized (lock) {
            checkOpen();
            MediaParameters old = params;
            params = parameters;
            if (old == null || !old.remote().equals(parameters.remote())) {
                latch = new SymmetricRtpLatch(parameters.remote(), config.latchPolicy(), clock);
            }
            if (old == null || !old.remoteRtcp().equals(parameters.remoteRtcp())) {
                rtcpLatch = new SymmetricRtpLatch(parameters.remoteRtcp(), config.latchPolicy(), clock);
            }
            int rate = parameters.codec().rtpClockRate();
            if (received == null || received.clockRate() != rate) {
                received = new RtpSourceStatistics(clock, rate);
                sent = new RtpSendStatistics(clock, rate);
            }
            boolean formatChanged = !parameters.sameFormat(old);
            if (formatChanged) {
                jitterBuffer = null;
                encoder = null;
            }
            if (old == null) {
                inactivity = new InactivityMonitor(clock, config.inactivityTimeout().toNanos());
                scheduleInactivityCheck(config.inactivityTimeout().toNanos());
                long q = config.qualityReportInterval().toNanos();
                qualityTimer = scheduler.scheduleAtFixedRate(() -> locked(() -> report(false)), q, q,
                        TimeUnit.NANOSECONDS);
                if (config.rtcpEnabled()) {
                    scheduleRtcp();
                }
            }
            if (parameters.direction().receives()) {
                if (old == null || !old.direction().receives()) {
                    inactivity.resume();
                }
            } else {
                inactivity.pause();
            }
            if (formatChanged && old != null && function != null) {
                function.onFormatChanged();
            }
        }
        return this;
    }

    /** The parameters in use, null before {@link #configure}. */
    public MediaParameters parameters() {
        synchronized (lock) {
            return params;
        }
    }

    /**
     * Changes only the direction (hold and resume, RFC 3264 s8.4): {@code RECVONLY} when the peer
     * holds us with {@code a=sendonly}, {@code SENDONLY} when we hold it (music on hold),
     * {@code INACTIVE}, and {@code SENDRECV} to resume.
     */
    public MediaSession direction(MediaDirection direction) {
        synchronized (lock) {
            checkConfigured();
            return configure(params.withDirection(direction));
        }
    }

    /** Echoes every received audio payload back to the peer with our SSRC, sequence and timestamps. */
    public MediaSession echo() {
        startFunction(new EchoFunction());
        return this;
    }

    /** Plays a WAV prompt once; see {@link #play(Path, boolean)}. */
    public MediaSession play(Path wav) {
        return play(wav, false);
    }

    /**
     * Plays a WAV prompt (mono 16-bit PCM or G.711 at 8 or 16 kHz, converted to the codec's rate),
     * one packet per ptime, the first with the marker bit; reports {@code COMPLETED} at the end
     * unless {@code loop}.
     *
     * @throws MediaException {@code VXMED-006} unreadable, {@code VXMED-007} unsupported format,
     *     {@code VXMED-010} not configured
     */
    public MediaSession play(Path wav, boolean loop) {
        startFunction(new PromptFunction(PromptFunction.load(wav), loop));
        return this;
    }

    /** Records to a WAV file with the configured maximum duration. */
    public MediaSession record(Path wav) {
        return record(wav, config.maxRecordDuration());
    }

    /**
     * Records the received audio (through a jitter buffer, decoded) to a 16-bit PCM WAV file at the
     * codec's sample rate, until another function starts, the session closes, or
     * {@code maxDuration} (then {@code MAX_DURATION} is reported).
     *
     * @throws MediaException {@code VXMED-008} if the file cannot be created
     */
    public MediaSession record(Path wav, Duration maxDuration) {
        startFunction(new RecordFunction(wav, maxDuration));
        return this;
    }

    /**
     * Collects DTMF digits; the stage completes with the digits (without the terminator) when the
     * collection ends by limit, terminator or timeout, or exceptionally with {@code VXMED-013} if
     * another function replaces it or the session closes. It completes on the session's thread
     * with the session locked: attach blocking work with an {@code ...Async} method.
     */
    public CompletionStage<String> collectDigits(DigitCollection spec) {
        DigitCollector collector = new DigitCollector(spec);
        startFunction(collector);
        return collector.result();
    }

    /**
     * Sends {@code digits} ({@code 0-9 * # A-D}, a-d too) as RFC 4733 telephone-events with the
     * default tone ({@value DtmfSender#DEFAULT_DURATION_MILLIS} ms) and gap
     * ({@value DtmfSender#DEFAULT_GAP_MILLIS} ms); see {@link #sendDtmf(String, int, int)}.
     */
    public CompletionStage<Void> sendDtmf(String digits) {
        return sendDtmf(digits, DtmfSender.DEFAULT_DURATION_MILLIS, DtmfSender.DEFAULT_GAP_MILLIS);
    }

    /**
     * Sends {@code digits} as RFC 4733 telephone-events on this stream (same SSRC and sequence
     * numbers as the audio, the negotiated telephone-event payload type), one event of
     * {@code toneMillis} (40-5000) per digit, the next one {@code gapMillis} (0-5000) after the
     * previous one's end; the running function's audio is not sent while an event lasts. Requests
     * queue behind each other; the function is not touched. The stage completes when the last
     * digit's end packets are sent, on the session's thread with the session locked, or fails with
     * {@link IllegalArgumentException} (a character that is not a key, or durations out of range:
     * nothing sent) or {@link MediaException}: {@code VXMED-015} the peer did not offer
     * telephone-event, {@code VXMED-016} the stream does not send (hold), {@code VXMED-009} the
     * session is or gets closed, {@code VXMED-010} not configured yet.
     */
    public CompletionStage<Void> sendDtmf(String digits, int toneMillis, int gapMillis) {
        Objects.requireNonNull(digits, "digits");
        synchronized (lock) {
            try {
                checkConfigured();
            } catch (MediaException e) {
                return CompletableFuture.failedFuture(e);
            }
            return dtmfOut.send(digits, toneMillis, gapMillis);
        }
    }

    /** DTMF digits sent (their end packets went out). */
    public long dtmfDigitsSent() {
        synchronized (lock) {
            return dtmfOut.digitsSent();
        }
    }

    /** Stops the current function, if any (nothing is reported). */
    public void stopFunction() {
        synchronized (lock) {
            replaceFunction(null);
        }
    }

    /** The current function's name, or {@code none}. */
    public String functionName() {
        synchronized (lock) {
            return function == null ? "none" : function.name();
        }
    }

    /** True once closed. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Counters and quality now. */
    public MediaStatistics statistics() {
        synchronized (lock) {
            return snapshot();
        }
    }

    /** Exceptions that escaped the receive path and were contained by the endpoint (a bug if not 0). */
    long receiveFailures() {
        return endpoint.receiverFailures();
    }

    /** Listener calls that threw (each was contained). */
    public long listenerFailures() {
        synchronized (lock) {
            return listenerFailures;
        }
    }

    /**
     * Stops the function, reports quality a last time, sends an RTCP BYE, closes the sockets and
     * frees the ports. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            replaceFunction(null);
            dtmfOut.stop(new MediaException(MediaErrorCode.SESSION_CLOSED, toString() + " closed while sending DTMF"));
            cancel(inactivityCheck);
            cancel(rtcpTimer);
            cancel(qualityTimer);
            if (params != null) {
                report(true);
                if (config.rtcpEnabled()) {
                    sendRtcp(true);
                }
            }
            closed = true;
            endpoint.close();
        }
        transport.closed(this);
    }

    @Override
    public String toString() {
        return "MediaSession[" + endpoint.rtpAddress() + ", ssrc=" + Long.toHexString(sender.ssrc()) + "]";
    }

    // ---------------------------------------------------------------- for functions

    /** Runs {@code action} with the lock held unless the session is closed (timer callbacks). */
    void locked(Runnable action) {
        synchronized (lock) {
            if (!closed) {
                action.run();
            }
        }
    }

    /** True if {@code f} is still the current function (a timer of a replaced function must stop). */
    boolean isCurrent(MediaFunction f) {
        return function == f && !closed;
    }

    /** A function ended by itself: it is stopped and the listener hears {@code outcome}. Lock held. */
    void finished(MediaFunction f, FunctionOutcome outcome) {
        if (function != f) {
            return;
        }
        function = null;
        f.stop(outcome.reason());
        notifyListener(l -> l.onFunctionFinished(this, outcome));
    }

    MediaParameters params() {
        return params;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    NanoClock clock() {
        return clock;
    }

    MediaTransport transport() {
        return transport;
    }

    RtpStreamSender sender() {
        return sender;
    }

    /** The jitter buffer for the current format, made on first use. Lock held. */
    JitterBuffer jitterBuffer() {
        if (jitterBuffer == null) {
            jitterBuffer = new JitterBuffer(JitterBufferConfig.defaults(params.codec())
                    .withFrameMillis(params.ptimeMillis()), clock);
        }
        return jitterBuffer;
    }

    /** Starts a talkspurt on the outgoing stream (new function, first packet marked). Lock held. */
    void beginTalkspurt() {
        sender.beginTalkspurt(params.codec().rtpClockRate());
    }

    /**
     * Encodes one frame ({@link MediaParameters#frameSamples()} samples at the codec rate) and
     * sends it; while the direction does not send, only the stream's clock advances. Lock held.
     */
    void sendFrame(short[] pcm, int off) {
        if (dtmfOut.suppressesAudio()) {
            sender.skip(sender.nextTimestamp(), params.frameTimestampIncrement());
            return;
        }
        AudioCodec codec = params.codec();
        if (encoder == null) {
            encoder = codec.newEncoder();
            encoded = new byte[codec.encodedLength(params.frameSamples())];
        }
        int n = encoder.encode(pcm, off, params.frameSamples(), encoded, 0);
        boolean sends = params.sends();
        ByteBuf packet = sender.frame(sends ? endpoint.alloc() : null, params.payloadType(), encoded, 0, n,
                params.frameTimestampIncrement());
        if (packet != null) {
            long ts = sender.nextTimestamp() - params.frameTimestampIncrement();
            sent.onSent(ts, n);
            packetsSent++;
            endpoint.sendRtp(packet, latch.target());
        }
    }

    /** Sends {@code packet}'s payload with our payload type, stream header and {@code timestamp}. Lock held. */
    void sendPayload(RtpPacket packet, long timestamp, boolean marker) {
        if (dtmfOut.suppressesAudio()) {
            sender.skip(timestamp, params.frameTimestampIncrement());
            return;
        }
        ByteBuf out = sender.withTimestamp(params.sends() ? endpoint.alloc() : null, params.payloadType(),
                timestamp, marker, packet.buffer(), packet.offset() + packet.payloadOffset(), packet.payloadLength(),
                params.frameTimestampIncrement());
        if (out != null) {
            sent.onSent(timestamp, packet.payloadLength());
            packetsSent++;
            endpoint.sendRtp(out, latch.target());
        }
    }

    /**
     * Sends one telephone-event packet in our stream (RFC 4733 s2.1) with the event's start
     * {@code timestamp}; {@code mediaTimestamp} is the timeline's position now, for the sender
     * reports (RFC 3550 s6.4.1). Lock held.
     */
    void sendEvent(int payloadType, long timestamp, long mediaTimestamp, boolean marker, byte[] payload) {
        ByteBuf out = sender.event(params.sends() ? endpoint.alloc() : null, payloadType, timestamp, marker, payload);
        if (out != null) {
            sent.onSent(mediaTimestamp, payload.length);
            packetsSent++;
            endpoint.sendRtp(out, latch.target());
        }
    }

    // ---------------------------------------------------------------- receive path

    private void receiveRtp(ByteBuf datagram, InetSocketAddress from) {
        int len = datagram.readableBytes();
        synchronized (lock) {
            if (closed || params == null) {
                return;
            }
            if (len > receiveBuffer.length) {
                invalid++;
                return;
            }
            datagram.getBytes(datagram.readerIndex(), receiveBuffer, 0, len);
            int secondByte = len >= 2 ? receiveBuffer[1] & 0xFF : 0;
            if ((receiveBuffer[0] & 0xC0) == 0x80 && secondByte >= RtcpPacket.TYPE_SR && secondByte <= RtcpPacket.TYPE_APP) {
                // RTCP multiplexed on the RTP port: RTP payload types 72-76 are reserved for this
                rtcp(receiveBuffer, 0, len, from);
                return;
            }
            if (view.wrap(receiveBuffer, 0, len) != null) {
                invalid++;
                return;
            }
            int pt = view.payloadType();
            boolean audio = pt == params.receivePayloadType();
            boolean event = pt == params.receiveTelephoneEventPayloadType();
            if (!audio && !event && pt != COMFORT_NOISE_PT) {
                invalid++;
                return;
            }
            latch.onPacket(from);
            inactivity.onActivity();
            if (inactivityReported) {
                // media is back after a reported timeout: time the next silence again
                inactivityReported = false;
                scheduleInactivityCheck(config.inactivityTimeout().toNanos());
            }
            packetsReceived++;
            received.onPacket(view);
            if (event) {
                telephoneEvent();
            } else if (audio && function != null && params.direction().receives()) {
                function.onAudio(view);
            }
        }
    }

    private void telephoneEvent() {
        TelephoneEvent ev;
        try {
            ev = TelephoneEvent.decode(receiveBuffer, view.offset() + view.payloadOffset(), view.payloadLength());
        } catch (DtmfFormatException e) {
            invalid++;
            return;
        }
        var digit = dtmf.onPacket(view.timestamp(), ev);
        if (digit.isEmpty()) {
            return;
        }
        char c = digit.get().digit();
        digits++;
        notifyListener(l -> l.onDigit(this, c));
        if (function != null) {
            function.onDigit(c);
        }
    }

    private void receiveRtcp(ByteBuf datagram, InetSocketAddress from) {
        byte[] bytes = new byte[datagram.readableBytes()];
        datagram.getBytes(datagram.readerIndex(), bytes);
        synchronized (lock) {
            if (closed || params == null) {
                return;
            }
            rtcp(bytes, 0, bytes.length, from);
        }
    }

    private void rtcp(byte[] b, int off, int len, InetSocketAddress from) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCodec.parse(b, off, len);
        } catch (RtpFormatException e) {
            invalid++;
            return;
        }
        rtcpReceived++;
        rtcpLatch.onPacket(from);
        long nowCompact = NtpTime.compact(transport.ntpNow());
        for (RtcpPacket p : packets) {
            List<ReportBlock> blocks = switch (p) {
                case SenderReport sr -> {
                    received.onSenderReport(sr);
                    yield sr.reports();
                }
                case ReceiverReport rr -> rr.reports();
                default -> List.of();
            };
            for (ReportBlock block : blocks) {
                if (block.ssrc() == sender.ssrc()) {
                    long rtt = block.roundTripNanos(nowCompact);
                    if (rtt >= 0) {
                        roundTripNanos = rtt;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- timers

    private void scheduleInactivityCheck(long delayNanos) {
        inactivityCheck = scheduler.schedule(() -> locked(this::checkInactivity), Math.max(1_000_000L, delayNanos),
                TimeUnit.NANOSECONDS);
    }

    private void checkInactivity() {
        if (inactivity.isTimedOut()) {
            if (!inactivityReported) {
                inactivityReported = true;
                long idle = inactivity.idleNanos();
                notifyListener(l -> l.onInactivity(this, idle));
            }
            return;
        }
        long next = params.direction().receives() ? inactivity.nanosUntilTimeout() : config.inactivityTimeout().toNanos();
        scheduleInactivityCheck(next);
    }

    private void scheduleRtcp() {
        int frameBytes = params.codec().encodedLength(params.frameSamples());
        double bandwidth = (frameBytes + 40) * 1000.0 / params.ptimeMillis();
        double seconds = RtcpScheduler.intervalSeconds(2, 2, bandwidth, packetsSent > 0, 100, rtcpInitial,
                ThreadLocalRandom.current());
        rtcpInitial = false;
        rtcpTimer = scheduler.schedule(() -> locked(() -> {
            sendRtcp(false);
            scheduleRtcp();
        }), (long) (seconds * 1e9), TimeUnit.NANOSECONDS);
    }

    private void sendRtcp(boolean bye) {
        List<RtcpPacket> compound = new ArrayList<>(RtcpScheduler.compound(sender.ssrc(), transport.cname(),
                transport.ntpNow(), sent, received.ssrc() == -1 ? null : received));
        if (bye) {
            compound.add(new Goodbye(List.of(sender.ssrc()), ""));
        }
        InetSocketAddress to = rtcpLatch.target();
        if (to.getAddress().isAnyLocalAddress()) {
            return; // RFC 2543 hold address and nothing learned: nowhere to send
        }
        endpoint.sendRtcp(RtcpCodec.write(compound), to);
        rtcpSent++;
    }

    private void report(boolean last) {
        MediaStatistics s = snapshot();
        notifyListener(l -> l.onQualityReport(this, s, last));
    }

    private MediaStatistics snapshot() {
        CallQuality quality = null;
        long lost = 0;
        double jitter = 0;
        if (params != null) {
            lost = Math.max(0, received.cumulativeLost());
            jitter = received.jitterMillis();
            JitterBufferStatistics jb = jitterBuffer != null ? jitterBuffer.statistics()
                    : new JitterBufferStatistics(0, 0, received.packets(), 0, 0, 0, 0, lost, 0, 0, 0);
            quality = CallQuality.estimate(params.codec(), params.ptimeMillis(), roundTripNanos, jb);
        }
        return new MediaStatistics(endpoint.rtpAddress(), latch == null ? null : latch.target(), packetsReceived,
                packetsSent, invalid, lost, jitter, roundTripNanos < 0 ? -1 : roundTripNanos / 1e6, rtcpReceived,
                rtcpSent, digits, quality);
    }

    // ---------------------------------------------------------------- helpers

    void startFunction(MediaFunction f) {
        synchronized (lock) {
            checkConfigured();
            replaceFunction(f);
        }
    }

    boolean functionIs(java.util.function.Predicate<MediaFunction> which) {
        synchronized (lock) {
            return function != null && which.test(function);
        }
    }

    void stopFunctionIf(java.util.function.Predicate<MediaFunction> which) {
        synchronized (lock) {
            if (function != null && which.test(function)) {
                replaceFunction(null);
            }
        }
    }

    private void replaceFunction(MediaFunction next) {
        MediaFunction old = function;
        function = null;
        if (old != null) {
            old.stop(FunctionOutcome.Reason.STOPPED);
        }
        if (next != null) {
            function = next;
            try {
                next.start(this);
            } catch (RuntimeException e) {
                function = null;
                next.stop(FunctionOutcome.Reason.FAILED);
                throw e;
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new MediaException(MediaErrorCode.SESSION_CLOSED, toString());
        }
    }

    private void checkConfigured() {
        checkOpen();
        if (params == null) {
            throw new MediaException(MediaErrorCode.NOT_CONFIGURED, toString() + " has no negotiated parameters yet");
        }
    }

    private void notifyListener(Consumer<MediaSessionListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            listenerFailures++;
        }
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
