package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.dtmf.DtmfDigits;
import io.voxplane.media.dtmf.DtmfSender;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends digit strings as RFC 4733 telephone-events on a session's outgoing stream, one digit
 * after the other, on the session's scheduler and clock (virtual time in tests).
 *
 * <p>Each digit is one event (s2.5.1): its packets come from {@link DtmfSender} (start packet with
 * the marker bit, updates every {@value DtmfSender#DEFAULT_INTERVAL_MILLIS} ms with the duration
 * so far, {@value DtmfSender#END_PACKETS} end packets with the E bit, s2.5.1.4), all with the
 * event's start timestamp, taken from the audio timeline, and the negotiated telephone-event
 * payload type, in the stream's SSRC and sequence numbers (s2.1). Durations are in the codec's
 * RTP clock (8000 Hz for PCMU, PCMA and G.722). The next digit starts a tone plus a gap after the
 * previous one started.
 *
 * <p>Audio is suppressed while an event lasts (from its start to start plus tone duration): the
 * running function's frames are not sent, the timeline advances as if they were (s2.5.1.2 lets a
 * sender stop audio for the time an event covers; this way a receiver never sees audio and tone
 * for the same instant). Between digits audio flows; the first audio after an event carries the
 * marker bit.
 *
 * <p>Strings queue: a second request starts after the first one's last digit and gap. A request
 * fails with {@link IllegalArgumentException} for a character that is not a DTMF key (nothing is
 * sent), {@code VXMED-015} if no telephone-event payload type was negotiated, {@code VXMED-016}
 * if the stream does not send (hold), checked again before every digit (a re-INVITE may change
 * both), and {@code VXMED-009} when the session closes. Used under the session lock; results
 * complete with it held.
 */
final class DtmfTransmitter {

    /** Shortest tone accepted: 40 ms, the minimum a DTMF receiver must accept (ITU-T Q.24). */
    static final int MIN_TONE_MILLIS = 40;
    /** Longest tone accepted: 5 s, within one RFC 4733 event at 8 kHz (65,535 units, 8.19 s). */
    static final int MAX_TONE_MILLIS = 5000;
    /** Longest gap accepted between digits: 5 s. */
    static final int MAX_GAP_MILLIS = 5000;

    /** One requested digit string. */
    private record Job(String digits, int toneMillis, int gapMillis, CompletableFuture<Void> result) {
    }

    private final MediaSession session;
    private final ArrayDeque<Job> queue = new ArrayDeque<>();
    private Job job;
    private int digitIndex;
    private List<DtmfSender.Packet> packets;
    private int nextPacket;
    private int payloadType;
    private int clockRate;
    private long eventStartNanos;
    private long eventEndNanos;
    private long eventEndTimestamp;
    private long nextDigitNanos;
    private boolean suppressing;
    private boolean stepping;
    private ScheduledFuture<?> timer;
    private long digitsSent;

    DtmfTransmitter(MediaSession session) {
        this.session = session;
    }

    /**
     * Queues {@code digits}; the result completes when the last digit's end packets are sent.
     * Session configured and open; lock held.
     */
    CompletableFuture<Void> send(String digits, int toneMillis, int gapMillis) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!isKey(c)) {
                result.completeExceptionally(new IllegalArgumentException("'" + c + "' (position " + i + " of \""
                        + digits + "\") is not a DTMF key: 0-9 * # A-D"));
                return result;
            }
        }
        if (toneMillis < MIN_TONE_MILLIS || toneMillis > MAX_TONE_MILLIS || gapMillis < 0
                || gapMillis > MAX_GAP_MILLIS) {
            result.completeExceptionally(new IllegalArgumentException("DTMF tone " + toneMillis + " ms (" + MIN_TONE_MILLIS
                    + "-" + MAX_TONE_MILLIS + "), gap " + gapMillis + " ms (0-" + MAX_GAP_MILLIS + ")"));
            return result;
        }
        MediaException refused = refusal();
        if (refused != null) {
            result.completeExceptionally(refused);
            return result;
        }
        if (digits.isEmpty()) {
            result.complete(null);
            return result;
        }
        queue.add(new Job(digits, toneMillis, gapMillis, result));
        if (timer == null && !stepping) {
            step();
        }
        return result;
    }

    private static boolean isKey(char c) {
        try {
            DtmfDigits.toEvent(c);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True while an event covers the present: the function's audio is not sent. Lock held. */
    boolean suppressesAudio() {
        return suppressing;
    }

    /** Digits whose end packets were sent. */
    long digitsSent() {
        return digitsSent;
    }

    /** The session closes: every queued string fails with {@code why}. Lock held. */
    void stop(MediaException why) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        packets = null;
        suppressing = false;
        failAll(why);
    }

    private MediaException refusal() {
        MediaParameters p = session.params();
        if (p.telephoneEventPayloadType() == MediaParameters.NO_TELEPHONE_EVENT) {
            return new MediaException(MediaErrorCode.NO_TELEPHONE_EVENT, session
                    + ": the peer did not offer telephone-event, so DTMF has no payload type (RFC 4733 s2.5.1)");
        }
        if (!p.sends()) {
            return new MediaException(MediaErrorCode.NOT_SENDING, session + ": the stream does not send (direction "
                    + p.direction() + ", remote " + p.remote() + ")");
        }
        return null;
    }

    /** Does what is due now (send packets, end the event's span, start the next digit), then sleeps. */
    private void step() {
        timer = null;
        stepping = true;
        long now = session.clock().nanoTime();
        try {
            while (true) {
                if (packets != null) {
                    sendDuePackets(now);
                    if (packets != null) {
                        break;
                    }
                }
                if (suppressing && now - eventEndNanos >= 0) {
                    suppressing = false;
                    session.sender().eventEnded(eventEndTimestamp);
                }
                if (!suppressing && hasDigit() && now - nextDigitNanos >= 0) {
                    startDigit(now);
                    continue;
                }
                break;
            }
        } finally {
            stepping = false;
        }
        long wake = Long.MAX_VALUE;
        if (packets != null) {
            wake = eventStartNanos + packets.get(nextPacket).sendAtMillis() * 1_000_000L - now;
        } else if (suppressing) {
            wake = eventEndNanos - now;
        } else if (hasDigit()) {
            wake = nextDigitNanos - now;
        }
        if (wake != Long.MAX_VALUE) {
            timer = session.scheduler().schedule(() -> session.locked(this::step), Math.max(0, wake),
                    TimeUnit.NANOSECONDS);
        }
    }

    private boolean hasDigit() {
        return job != null || !queue.isEmpty();
    }

    private void startDigit(long now) {
        if (job == null) {
            job = queue.poll();
            digitIndex = 0;
        }
        MediaException refused = refusal();
        if (refused != null) {
            failAll(refused);
            return;
        }
        MediaParameters p = session.params();
        int rate = p.codec().rtpClockRate();
        session.beginTalkspurt();
        long timestamp = session.sender().nextTimestamp();
        packets = DtmfSender.packets(job.digits().charAt(digitIndex), timestamp, rate, job.toneMillis(),
                DtmfSender.DEFAULT_INTERVAL_MILLIS, DtmfSender.DEFAULT_VOLUME);
        nextPacket = 0;
        payloadType = p.telephoneEventPayloadType();
        clockRate = rate;
        digitIndex++;
        eventStartNanos = now;
        eventEndNanos = now + job.toneMillis() * 1_000_000L;
        eventEndTimestamp = timestamp + (long) job.toneMillis() * rate / 1000;
        nextDigitNanos = eventEndNanos + job.gapMillis() * 1_000_000L;
        suppressing = true;
    }

    private void sendDuePackets(long now) {
        while (nextPacket < packets.size()) {
            DtmfSender.Packet packet = packets.get(nextPacket);
            if (now - (eventStartNanos + packet.sendAtMillis() * 1_000_000L) < 0) {
                return;
            }
            long media = packet.timestamp() + (now - eventStartNanos) * clockRate / 1_000_000_000L;
            session.sendEvent(payloadType, packet.timestamp(), media, packet.marker(), packet.event().encode());
            nextPacket++;
        }
        packets = null;
        digitsSent++;
        if (digitIndex >= job.digits().length()) {
            Job done = job;
            job = null;
            done.result().complete(null);
        }
    }

    private void failAll(MediaException why) {
        Job current = job;
        job = null;
        if (current != null) {
            current.result().completeExceptionally(why);
        }
        for (Job queued; (queued = queue.poll()) != null; ) {
            queued.result().completeExceptionally(why);
        }
    }
}
