package io.voxplane.media.dtmf;

import java.util.Optional;

/**
 * Turns received RFC 4733 telephone-event packets into digits, each reported exactly once
 * although every event arrives in many packets (updates and three end packets) and some may be
 * lost or reordered. An event is identified by its RTP timestamp (s2.5.2.1: all packets of one
 * event share it), so the first packet of any kind seen for a new timestamp reports the digit,
 * even if the start packet was lost. The last {@link #REMEMBERED_EVENTS} timestamps are kept, so
 * late packets of an earlier event are not reported again. Not thread-safe.
 */
public final class DtmfReceiver {

    /** Events remembered for duplicate suppression; late packets older than this are unusual. */
    public static final int REMEMBERED_EVENTS = 8;

    /**
     * A detected digit.
     *
     * @param digit the keypad character ('0'-'9', '*', '#', 'A'-'D')
     * @param timestamp the event's RTP timestamp
     */
    public record Digit(char digit, long timestamp) {
    }

    private final long[] recent = new long[REMEMBERED_EVENTS];
    private int next;
    private int count;
    private long reported;
    private long ignored;

    /**
     * Accounts one telephone-event packet.
     *
     * @param timestamp the packet's RTP timestamp
     * @return the digit if this packet is the first seen of a new DTMF event
     */
    public Optional<Digit> onPacket(long timestamp, TelephoneEvent event) {
        long ts = timestamp & 0xFFFFFFFFL;
        for (int i = 0; i < count; i++) {
            if (recent[i] == ts) {
                ignored++;
                return Optional.empty();
            }
        }
        recent[next] = ts;
        next = (next + 1) % REMEMBERED_EVENTS;
        count = Math.min(count + 1, REMEMBERED_EVENTS);
        char c = event.digit();
        if (c == 0) {
            ignored++;
            return Optional.empty();
        }
        reported++;
        return Optional.of(new Digit(c, ts));
    }

    /** Digits reported. */
    public long reported() {
        return reported;
    }

    /** Packets that repeated an already reported event (or were not DTMF). */
    public long ignored() {
        return ignored;
    }
}
