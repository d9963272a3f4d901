package io.voxplane.media.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.voxplane.media.NanoClock;
import io.voxplane.media.rtp.RtpPacket;

/**
 * The outgoing RTP stream of a session (RFC 3550 s5.1): one SSRC, a sequence number that grows by
 * one per packet, and a timestamp that grows with the media clock, whatever function produces the
 * packets. Each function starts a talkspurt ({@link #beginTalkspurt}): its first packet has the
 * marker bit and a timestamp moved forward by the wall-clock time since the previous packet, so
 * a receiver's jitter estimate is not disturbed by a change of function. Initial sequence number
 * and timestamp are random (s5.1). Not thread-safe: used under the session lock.
 */
final class RtpStreamSender {

    private final NanoClock clock;
    private final long ssrc;
    private int sequence;
    private long nextTimestamp;
    private boolean marker = true;
    private boolean sentAny;
    private long lastTimestamp;
    private long lastSentNanos;

    RtpStreamSender(NanoClock clock, long ssrc, int initialSequence, long initialTimestamp) {
        this.clock = clock;
        this.ssrc = ssrc & 0xFFFFFFFFL;
        this.sequence = initialSequence & 0xFFFF;
        this.nextTimestamp = initialTimestamp & 0xFFFFFFFFL;
    }

    long ssrc() {
        return ssrc;
    }

    /** The timestamp the next packet gets, unless the caller gives one. */
    long nextTimestamp() {
        return nextTimestamp;
    }

    /** Starts a new talkspurt: next packet marked, timestamp advanced by the time since the last packet. */
    void beginTalkspurt(int clockRate) {
        marker = true;
        if (sentAny) {
            long elapsed = Math.max(0, clock.nanoTime() - lastSentNanos);
            long advanced = (lastTimestamp + elapsed * clockRate / 1_000_000_000L) & 0xFFFFFFFFL;
            if ((int) (advanced - nextTimestamp) > 0) { // modulo 2^32, as timestamps wrap
                nextTimestamp = advanced;
            }
        }
    }

    /**
     * A packet with the next timestamp, which then advances by {@code timestampIncrement}.
     * {@code out} null only accounts the packet (send direction off: the stream's clock keeps
     * running while on hold).
     */
    ByteBuf frame(ByteBufAllocator out, int payloadType, byte[] payload, int off, int len, int timestampIncrement) {
        long ts = nextTimestamp;
        nextTimestamp = (nextTimestamp + timestampIncrement) & 0xFFFFFFFFL;
        return packet(out, payloadType, ts, false, payload, off, len);
    }

    /** A packet with a given timestamp (echo keeps the peer's timing); the next timestamp follows it. */
    ByteBuf withTimestamp(ByteBufAllocator out, int payloadType, long timestamp, boolean marker, byte[] payload,
            int off, int len, int timestampIncrement) {
        nextTimestamp = (timestamp + timestampIncrement) & 0xFFFFFFFFL;
        return packet(out, payloadType, timestamp & 0xFFFFFFFFL, marker, payload, off, len);
    }

    /**
     * A telephone-event packet (RFC 4733 s2.1: same SSRC and sequence numbers as the audio) with
     * the event's own {@code timestamp} and {@code marker}: it takes the next sequence number but
     * leaves the audio timeline alone (all packets of one event carry its start timestamp, s2.3.5);
     * {@link #eventEnded} moves the timeline past the event. {@code out} null only accounts it.
     */
    ByteBuf event(ByteBufAllocator out, int payloadType, long timestamp, boolean marker, byte[] payload) {
        boolean audioMarker = this.marker;
        long ts = lastTimestamp;
        long at = lastSentNanos;
        boolean any = sentAny;
        this.marker = false;
        ByteBuf b = packet(out, payloadType, timestamp & 0xFFFFFFFFL, marker, payload, 0, payload.length);
        this.marker = audioMarker;
        lastTimestamp = ts;
        lastSentNanos = at;
        sentAny = any;
        return b;
    }

    /**
     * An audio frame not sent because an event covers its time: the timeline advances as if it had
     * been sent, the sequence number does not (no gap that would look like loss).
     */
    void skip(long timestamp, int timestampIncrement) {
        nextTimestamp = (timestamp + timestampIncrement) & 0xFFFFFFFFL;
    }

    /**
     * An event covering the timeline up to {@code endTimestamp} has ended now: the next audio
     * starts a talkspurt (marker) at or after it, never inside the event's span.
     */
    void eventEnded(long endTimestamp) {
        long end = endTimestamp & 0xFFFFFFFFL;
        if ((int) (end - nextTimestamp) > 0) {
            nextTimestamp = end;
        }
        marker = true;
        sentAny = true;
        lastTimestamp = nextTimestamp;
        lastSentNanos = clock.nanoTime();
    }

    private ByteBuf packet(ByteBufAllocator out, int payloadType, long ts, boolean extraMarker, byte[] payload,
            int off, int len) {
        boolean m = marker || extraMarker;
        marker = false;
        int seq = sequence;
        sequence = (sequence + 1) & 0xFFFF;
        sentAny = true;
        lastTimestamp = ts;
        lastSentNanos = clock.nanoTime();
        if (out == null) {
            return null;
        }
        ByteBuf b = out.directBuffer(RtpPacket.FIXED_HEADER_LENGTH + len);
        b.writeByte(RtpPacket.VERSION << 6);
        b.writeByte((m ? 0x80 : 0) | payloadType);
        b.writeShort(seq);
        b.writeInt((int) ts);
        b.writeInt((int) ssrc);
        b.writeBytes(payload, off, len);
        return b;
    }
}
