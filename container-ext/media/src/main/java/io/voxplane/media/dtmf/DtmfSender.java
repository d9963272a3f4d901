package io.voxplane.media.dtmf;

import java.util.ArrayList;
import java.util.List;

/**
 * Produces the RFC 4733 packet sequence for one DTMF digit (s2.5.1): every packet carries the
 * event's start timestamp; the first has the marker bit; updates follow every
 * {@code intervalMillis} with the duration so far; the end is sent {@link #END_PACKETS} times with
 * the E bit and the final duration (s2.5.1.4), all with the same timestamp. Sequence numbers are
 * the stream's own and assigned by the caller, one per packet in order.
 *
 * <p>Durations above 65,535 timestamp units (8.19 s at 8 kHz) would need segmenting (s2.5.1.3)
 * and are rejected.
 */
public final class DtmfSender {

    /** Redundant end packets (s2.5.1.4 recommends three). */
    public static final int END_PACKETS = 3;
    /** Default digit length: 100 ms, above the 40 ms minimum of ITU-T Q.24 with margin. */
    public static final int DEFAULT_DURATION_MILLIS = 100;
    /** Default update interval: 50 ms (s2.5.1.2 suggests 50 ms for DTMF). */
    public static final int DEFAULT_INTERVAL_MILLIS = 50;
    /**
     * Default pause between two digits of a string: 70 ms. ITU-T Q.24 lets receivers demand a pause
     * of up to 40 ms between tones; 70 ms keeps a margin and, with 100 ms tones, sends about six
     * digits a second, as autodialers do.
     */
    public static final int DEFAULT_GAP_MILLIS = 70;
    /** Default volume: 10 dBm0 below reference, a usual DTMF level. */
    public static final int DEFAULT_VOLUME = 10;

    /**
     * One packet to send.
     *
     * @param sendAtMillis when to send it, relative to the first packet
     * @param timestamp RTP timestamp (the event's start, for every packet)
     * @param marker RTP marker bit
     * @param event the payload
     */
    public record Packet(int sendAtMillis, long timestamp, boolean marker, TelephoneEvent event) {
    }

    private DtmfSender() {
    }

    /** The packets for {@code digit} starting at RTP timestamp {@code timestamp}, with defaults. */
    public static List<Packet> packets(char digit, long timestamp, int clockRate) {
        return packets(digit, timestamp, clockRate, DEFAULT_DURATION_MILLIS, DEFAULT_INTERVAL_MILLIS, DEFAULT_VOLUME);
    }

    public static List<Packet> packets(char digit, long timestamp, int clockRate, int durationMillis,
            int intervalMillis, int volume) {
        if (durationMillis <= 0 || intervalMillis <= 0) {
            throw new IllegalArgumentException("duration " + durationMillis + " ms, interval " + intervalMillis + " ms");
        }
        long total = (long) durationMillis * clockRate / 1000;
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("event longer than 65535 timestamp units: " + durationMillis + " ms");
        }
        int event = DtmfDigits.toEvent(digit);
        long ts = timestamp & 0xFFFFFFFFL;
        List<Packet> out = new ArrayList<>();
        int at = intervalMillis;
        boolean first = true;
        for (; at < durationMillis; at += intervalMillis) {
            int d = (int) ((long) at * clockRate / 1000);
            out.add(new Packet(at - intervalMillis, ts, first, new TelephoneEvent(event, false, volume, d)));
            first = false;
        }
        int lastSend = first ? 0 : at - intervalMillis;
        for (int i = 0; i < END_PACKETS; i++) {
            out.add(new Packet(lastSend, ts, first && i == 0, new TelephoneEvent(event, true, volume, (int) total)));
        }
        return out;
    }
}
