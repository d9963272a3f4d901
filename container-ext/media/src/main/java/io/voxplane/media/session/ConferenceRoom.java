package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.mix.ConferenceMixer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A named audio conference: sessions {@link #join} and {@link #leave} at any time; every
 * {@value #FRAME_MILLIS} ms each participant gets the mix of all the others (not its own voice),
 * encoded with its own codec. Mixing runs at {@value #MIX_RATE} Hz so G.722 participants keep
 * wideband audio; G.711 legs are converted on the way in and out.
 *
 * <p>One tick on the media scheduler per room: (1) each participant's jitter buffer plays one
 * frame (under that session's lock), (2) the {@link ConferenceMixer} mixes (under the room's
 * lock), (3) each participant's mix is encoded and sent (session lock again). The room lock and a
 * session lock are never taken in the order room then session, so joins and leaves from any
 * thread cannot deadlock with a tick.
 *
 * <p>The room closes when its last participant leaves; joining a closed room fails with
 * {@code VXMED-011} ({@link MediaTransport#conferenceRoom} then makes a new one). At most
 * {@link ConferenceMixer#DEFAULT_MAX_PARTICIPANTS} participants ({@code VXMED-012}).
 */
public final class ConferenceRoom {

    /** Mixing rate: 16 kHz, so wideband (G.722) participants hear each other in wideband. */
    public static final int MIX_RATE = 16000;
    /** Mixing frame: 20 ms; participants must use this ptime (the common one, RFC 3551 s4.5). */
    public static final int FRAME_MILLIS = 20;
    static final int FRAME_SAMPLES = MIX_RATE / 1000 * FRAME_MILLIS;

    private final String name;
    private final MediaTransport transport;
    private final ScheduledExecutorService scheduler;
    private final Object roomLock = new Object();
    private final ConferenceMixer mixer = new ConferenceMixer(FRAME_SAMPLES);
    private final List<ConferenceParticipant> participants = new ArrayList<>();
    private ScheduledFuture<?> ticker;
    private boolean closed;

    ConferenceRoom(String name, MediaTransport transport) {
        this.name = name;
        this.transport = transport;
        this.scheduler = transport.scheduler();
    }

    /** The room's name. */
    public String name() {
        return name;
    }

    /** Participants now. */
    public int size() {
        synchronized (roomLock) {
            return participants.size();
        }
    }

    /** True once the last participant has left. */
    public boolean isClosed() {
        synchronized (roomLock) {
            return closed;
        }
    }

    /**
     * Makes the conference the session's media function (replacing any other); nothing if the
     * session is already in this room.
     *
     * @throws MediaException {@code VXMED-011} closed, {@code VXMED-012} full, {@code VXMED-014}
     *     ptime not {@value #FRAME_MILLIS} ms, {@code VXMED-010} session not configured
     */
    public void join(MediaSession session) {
        if (session.functionIs(f -> f instanceof ConferenceParticipant p && p.room() == this)) {
            return;
        }
        session.startFunction(new ConferenceParticipant(this));
    }

    /** Takes the session out of this room (its function stops); nothing if it is not in it. */
    public void leave(MediaSession session) {
        session.stopFunctionIf(f -> f instanceof ConferenceParticipant p && p.room() == this);
    }

    void add(ConferenceParticipant p) {
        synchronized (roomLock) {
            if (closed) {
                throw new MediaException(MediaErrorCode.ROOM_CLOSED, "conference room '" + name + "'");
            }
            if (participants.size() >= ConferenceMixer.DEFAULT_MAX_PARTICIPANTS) {
                throw new MediaException(MediaErrorCode.ROOM_FULL,
                        "conference room '" + name + "' has " + participants.size() + " participants");
            }
            p.slot(mixer.join());
            participants.add(p);
            if (ticker == null) {
                ticker = scheduler.scheduleAtFixedRate(this::tick, FRAME_MILLIS, FRAME_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    void remove(ConferenceParticipant p) {
        boolean nowEmpty;
        synchronized (roomLock) {
            if (!participants.remove(p)) {
                return;
            }
            mixer.leave(p.slot());
            p.slot(-1);
            nowEmpty = participants.isEmpty();
            if (nowEmpty) {
                closed = true;
                ticker.cancel(false);
            }
        }
        if (nowEmpty) {
            transport.roomClosed(this);
        }
    }

    private void tick() {
        List<ConferenceParticipant> now;
        synchronized (roomLock) {
            if (closed) {
                return;
            }
            now = List.copyOf(participants);
        }
        for (ConferenceParticipant p : now) {
            p.pull();
        }
        synchronized (roomLock) {
            for (ConferenceParticipant p : now) {
                if (p.slot() >= 0 && p.hasInput()) {
                    mixer.contribute(p.slot(), p.input(), 0);
                }
            }
            mixer.mix();
            for (ConferenceParticipant p : now) {
                if (p.slot() >= 0) {
                    System.arraycopy(mixer.output(p.slot()), 0, p.output(), 0, FRAME_SAMPLES);
                }
            }
        }
        for (ConferenceParticipant p : now) {
            p.push();
        }
    }

    @Override
    public String toString() {
        return "ConferenceRoom[" + name + "]";
    }
}
