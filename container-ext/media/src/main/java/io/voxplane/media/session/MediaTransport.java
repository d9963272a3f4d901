package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.NanoClock;
import io.voxplane.media.rtp.IoMechanism;
import io.voxplane.media.rtp.NtpTime;
import io.voxplane.media.rtp.RtpPortAllocator;
import io.voxplane.media.rtp.RtpTransport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The media plane's engine, without CDI: RTP sockets ({@link RtpTransport} on one Netty event
 * loop group from the caller's {@link ThreadFactory}), {@link MediaSession}s and named
 * {@link ConferenceRoom}s. Timers of every session (paced prompts and conferences, inactivity,
 * RTCP, quality reports) run on the caller's {@link ScheduledExecutorService}; time comes from
 * the given {@link NanoClock}, so tests drive both virtually.
 *
 * <p>Usage: {@code start} once; {@link #open} a session per call and
 * {@link MediaSession#configure configure} it from the SDP; pick a function; close the session
 * at the end of the call; {@link #stop} at shutdown (closes what is left, frees every port,
 * ends every event loop thread). The scheduler stays the caller's: stop does not shut it down.
 */
public final class MediaTransport {

    private final RtpTransport rtp;
    private final ScheduledExecutorService scheduler;
    private final NanoClock clock;
    private final MediaConfig config;
    private final String cname;
    private final long ntpBase;
    private final long clockBase;
    private final Set<MediaSession> sessions = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, ConferenceRoom> rooms = new ConcurrentHashMap<>();

    private MediaTransport(RtpTransport rtp, ScheduledExecutorService scheduler, NanoClock clock, MediaConfig config) {
        this.rtp = rtp;
        this.scheduler = scheduler;
        this.clock = clock;
        this.config = config;
        // RFC 7022 s4.2: a random CNAME per run, not derived from host or user names
        this.cname = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "@voxplane";
        this.ntpBase = NtpTime.fromUnixMillis(System.currentTimeMillis());
        this.clockBase = clock.nanoTime();
    }

    /** Starts with the system clock and the best I/O mechanism. */
    public static MediaTransport start(ThreadFactory threads, ScheduledExecutorService scheduler, MediaConfig config) {
        return start(threads, scheduler, config, NanoClock.system(), IoMechanism.best());
    }

    /**
     * Starts the event loops.
     *
     * @param threads makes the RTP event loop threads (in the container: a managed thread factory)
     * @param scheduler runs all media timers (shared, not shut down by {@link #stop})
     * @param clock the time of statistics, latching, jitter buffers and timers
     */
    public static MediaTransport start(ThreadFactory threads, ScheduledExecutorService scheduler, MediaConfig config,
            NanoClock clock, IoMechanism io) {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(config, "config");
        RtpPortAllocator ports = new RtpPortAllocator(config.rtpPortMin(), config.rtpPortMax());
        RtpTransport rtp = RtpTransport.start(threads, config.eventLoopThreads(), ports, io);
        return new MediaTransport(rtp, scheduler, clock, config);
    }

    /**
     * Opens a session: binds its RTP and RTCP sockets on {@code local} (not yet configured: it
     * drops media until {@link MediaSession#configure}). Blocks until bound; do not call from an
     * RTP event loop thread.
     *
     * @throws MediaException {@code VXMED-001} no free ports, {@code VXMED-002} bind failed,
     *     {@code VXMED-003} stopped
     */
    public MediaSession open(InetAddress local) {
        MediaSession s = new MediaSession(this, rtp.open(local));
        sessions.add(s);
        if (!rtp.isRunning()) {
            s.close();
            throw new MediaException(MediaErrorCode.TRANSPORT_STOPPED, "the media transport is stopped");
        }
        return s;
    }

    /** The room called {@code name}, made if there is none (or the previous one closed). */
    public ConferenceRoom conferenceRoom(String name) {
        Objects.requireNonNull(name, "name");
        return rooms.compute(name, (k, r) -> r == null || r.isClosed() ? new ConferenceRoom(k, this) : r);
    }

    /** Open sessions. */
    public int openSessions() {
        return sessions.size();
    }

    /** Rooms that exist now. */
    public int rooms() {
        return rooms.size();
    }

    /** The socket layer (ports, I/O mechanism). */
    public RtpTransport rtp() {
        return rtp;
    }

    /**
     * Closes every session (each gives its last quality report), frees their ports and ends the
     * event loop threads within {@code timeout}. Idempotent; not from an RTP event loop thread.
     *
     * @return true when every event loop thread ended in time
     */
    public boolean stop(Duration timeout) {
        List<MediaSession> open = new ArrayList<>(sessions);
        for (MediaSession s : open) {
            s.close();
        }
        return rtp.stop(timeout);
    }

    MediaConfig config() {
        return config;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    NanoClock clock() {
        return clock;
    }

    String cname() {
        return cname;
    }

    /** NTP wallclock now (RFC 3550 s4), from the start time and the monotonic clock. */
    long ntpNow() {
        long elapsed = clock.nanoTime() - clockBase;
        long seconds = Math.floorDiv(elapsed, 1_000_000_000L);
        long fraction = (Math.floorMod(elapsed, 1_000_000_000L) << 32) / 1_000_000_000L;
        return ntpBase + (seconds << 32) + fraction;
    }

    void closed(MediaSession s) {
        sessions.remove(s);
    }

    void roomClosed(ConferenceRoom room) {
        rooms.remove(room.name(), room);
    }
}
