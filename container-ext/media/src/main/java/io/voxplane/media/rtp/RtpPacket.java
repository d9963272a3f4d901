package io.voxplane.media.rtp;

import java.util.Objects;

/**
 * A mutable view of one RTP packet (RFC 3550 s5.1) over a caller-owned byte array; nothing is
 * copied. {@link #wrap} validates the fixed header, CSRC list, header extension (s5.3.1) and
 * padding, and returns an {@link RtpError} rather than throwing, so a receive loop can count and
 * drop bad datagrams cheaply. One view can be re-wrapped for every packet of a stream.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * |                           timestamp                           |
 * |           synchronization source (SSRC) identifier            |
 * |            contributing source (CSRC) identifiers (CC x)      |
 * |      defined by profile       |        length (32-bit words)  |  (if X)
 * |                        header extension                       |
 * |                 payload ...   | padding ...  | padding count  |  (if P)
 * </pre>
 *
 * <p>Ownership: the array stays the caller's; the view is valid only while the caller keeps the
 * array unchanged, and the setters write through to it (for relaying with a rewritten SSRC or
 * sequence number). Not thread-safe.
 */
public final class RtpPacket {

    /** Size of the fixed header. */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** The only RTP version. */
    public static final int VERSION = 2;

    private byte[] buf;
    private int off;
    private int len;
    private int payloadOffset;
    private int payloadLength;
    private int paddingLength;
    private int extensionOffset = -1;
    private int extensionLength;

    /**
     * Points this view at {@code buf[off, off + len)} and validates it.
     *
     * @return {@code null} when the packet is valid, otherwise why it is not (the view is then
     *     unusable until the next successful wrap)
     */
    public RtpError wrap(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        this.buf = buf;
        this.off = off;
        this.len = len;
        this.extensionOffset = -1;
        this.extensionLength = 0;
        if (len < FIXED_HEADER_LENGTH) {
            return RtpError.TOO_SHORT;
        }
        int b0 = buf[off] & 0xFF;
        if ((b0 >> 6) != VERSION) {
            return RtpError.BAD_VERSION;
        }
        int header = FIXED_HEADER_LENGTH + 4 * (b0 & 0x0F);
        if (header > len) {
            return RtpError.CSRC_OVERFLOW;
        }
        if ((b0 & 0x10) != 0) {
            if (header + 4 > len) {
                return RtpError.EXTENSION_OVERFLOW;
            }
            int words = u16(off + header + 2);
            extensionOffset = header + 4;
            extensionLength = 4 * words;
            header += 4 + extensionLength;
            if (header > len) {
                return RtpError.EXTENSION_OVERFLOW;
            }
        }
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            padding = buf[off + len - 1] & 0xFF;
            if (padding == 0 || header + padding > len) {
                return RtpError.BAD_PADDING;
            }
        }
        paddingLength = padding;
        payloadOffset = header;
        payloadLength = len - header - padding;
        return null;
    }

    /**
     * Wraps and throws on invalid input, for callers outside the receive path.
     *
     * @throws RtpFormatException carrying the {@link RtpError}
     */
    public static RtpPacket parse(byte[] buf, int off, int len) throws RtpFormatException {
        RtpPacket p = new RtpPacket();
        RtpError e = p.wrap(buf, off, len);
        if (e != null) {
            throw new RtpFormatException(e, len + " bytes");
        }
        return p;
    }

    /** Quick test whether a datagram looks like RTP (version 2, not an RTCP type 200-204) (RFC 5761 s4). */
    public static boolean looksLikeRtp(byte[] buf, int off, int len) {
        if (len < FIXED_HEADER_LENGTH || ((buf[off] & 0xC0) != 0x80)) {
            return false;
        }
        int pt = buf[off + 1] & 0x7F;
        return pt < 64 || pt > 95;
    }

    private int u16(int at) {
        return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
    }

    private long u32(int at) {
        return ((long) (buf[at] & 0xFF) << 24) | ((buf[at + 1] & 0xFF) << 16)
                | ((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF);
    }

    private void put32(int at, long v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** The underlying array (owned by the caller). */
    public byte[] buffer() {
        return buf;
    }

    /** Offset of the packet in {@link #buffer()}. */
    public int offset() {
        return off;
    }

    /** Total length of the packet, header to padding. */
    public int length() {
        return len;
    }

    public int version() {
        return (buf[off] & 0xFF) >> 6;
    }

    public boolean hasPadding() {
        return (buf[off] & 0x20) != 0;
    }

    public boolean hasExtension() {
        return (buf[off] & 0x10) != 0;
    }

    public int csrcCount() {
        return buf[off] & 0x0F;
    }

    public boolean marker() {
        return (buf[off + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buf[off + 1] & 0x7F;
    }

    /** The 16-bit sequence number, 0..65535. */
    public int sequenceNumber() {
        return u16(off + 2);
    }

    /** The 32-bit timestamp as an unsigned value. */
    public long timestamp() {
        return u32(off + 4);
    }

    /** The SSRC as an unsigned 32-bit value. */
    public long ssrc() {
        return u32(off + 8);
    }

    /** The {@code i}-th CSRC, unsigned. */
    public long csrc(int i) {
        Objects.checkIndex(i, csrcCount());
        return u32(off + FIXED_HEADER_LENGTH + 4 * i);
    }

    /** The 16-bit "defined by profile" field of the header extension, or -1 without one. */
    public int extensionProfile() {
        return extensionOffset < 0 ? -1 : u16(off + extensionOffset - 4);
    }

    /** Offset of the header extension data relative to {@link #offset()}, or -1. */
    public int extensionDataOffset() {
        return extensionOffset;
    }

    /** Length of the header extension data in bytes (a multiple of 4). */
    public int extensionDataLength() {
        return extensionLength;
    }

    /** Offset of the payload relative to {@link #offset()}. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Payload length, excluding padding. */
    public int payloadLength() {
        return payloadLength;
    }

    /** Number of padding bytes including the count byte, 0 without padding. */
    public int paddingLength() {
        return paddingLength;
    }

    /** Copies the payload out (for tests and slow paths). */
    public byte[] payloadCopy() {
        byte[] p = new byte[payloadLength];
        System.arraycopy(buf, off + payloadOffset, p, 0, payloadLength);
        return p;
    }

    public void setMarker(boolean marker) {
        buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
    }

    public void setPayloadType(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | pt);
    }

    public void setSequenceNumber(int seq) {
        buf[off + 2] = (byte) (seq >>> 8);
        buf[off + 3] = (byte) seq;
    }

    public void setTimestamp(long ts) {
        put32(off + 4, ts);
    }

    public void setSsrc(long ssrc) {
        put32(off + 8, ssrc);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType() + ", seq=" + sequenceNumber() + ", ts=" + timestamp()
                + ", ssrc=" + Long.toHexString(ssrc()) + ", m=" + marker() + ", payload=" + payloadLength + "]";
    }
}
