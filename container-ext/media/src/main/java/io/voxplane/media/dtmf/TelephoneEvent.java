package io.voxplane.media.dtmf;

/**
 * The RFC 4733 s2.3 telephone-event payload (4 bytes):
 *
 * <pre>
 *  0                   1                   2                   3
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 *
 * @param event event code (s3.2: 0-9 digits, 10 '*', 11 '#', 12-15 'A'-'D'; up to 255)
 * @param end the E bit: this packet ends the event
 * @param volume power level in -dBm0, 0..63 (s2.3.4)
 * @param duration duration so far in RTP timestamp units, 0..65535 (s2.3.5)
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration) {

    /** Payload length. */
    public static final int LENGTH = 4;

    public TelephoneEvent {
        if (event < 0 || event > 255 || volume < 0 || volume > 63 || duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("event " + event + ", volume " + volume + ", duration " + duration);
        }
    }

    /** Writes the 4 payload bytes at {@code off}. */
    public void encode(byte[] out, int off) {
        out[off] = (byte) event;
        out[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
        out[off + 2] = (byte) (duration >>> 8);
        out[off + 3] = (byte) duration;
    }

    /** The 4 payload bytes. */
    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        encode(b, 0);
        return b;
    }

    /**
     * Reads a payload. Bytes beyond the first 4 (redundancy is carried in RFC 2198, not here) are
     * ignored; the reserved R bit is ignored as s2.3.3 requires.
     *
     * @throws DtmfFormatException if fewer than 4 bytes are given
     */
    public static TelephoneEvent decode(byte[] in, int off, int len) throws DtmfFormatException {
        if (len < LENGTH) {
            throw new DtmfFormatException("telephone-event payload of " + len + " bytes, need 4");
        }
        return new TelephoneEvent(in[off] & 0xFF, (in[off + 1] & 0x80) != 0, in[off + 1] & 0x3F,
                ((in[off + 2] & 0xFF) << 8) | (in[off + 3] & 0xFF));
    }

    /** The DTMF character of this event, or 0 if it is not a DTMF event (codes above 15). */
    public char digit() {
        return DtmfDigits.toChar(event);
    }
}
