package io.voxplane.media.rtp;

import java.util.Objects;

/**
 * Writes RTP packets (RFC 3550 s5.1) into caller-owned buffers. The header fields are set once
 * per stream and per packet; {@link #write} lays out header, CSRCs, optional extension, payload
 * and optional padding and returns the packet length. Reusable across packets, not thread-safe.
 */
public final class RtpPacketWriter {

    private int payloadType;
    private boolean marker;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private long[] csrcs = new long[0];
    private int extensionProfile = -1;
    private byte[] extensionData;
    private int padTo;

    public RtpPacketWriter payloadType(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type " + pt);
        }
        this.payloadType = pt;
        return this;
    }

    public RtpPacketWriter marker(boolean marker) {
        this.marker = marker;
        return this;
    }

    public RtpPacketWriter sequenceNumber(int seq) {
        this.sequenceNumber = seq & 0xFFFF;
        return this;
    }

    public RtpPacketWriter timestamp(long ts) {
        this.timestamp = ts & 0xFFFFFFFFL;
        return this;
    }

    public RtpPacketWriter ssrc(long ssrc) {
        this.ssrc = ssrc & 0xFFFFFFFFL;
        return this;
    }

    /** Up to 15 contributing sources (s5.1, CC is 4 bits). */
    public RtpPacketWriter csrcs(long... csrcs) {
        if (csrcs.length > 15) {
            throw new IllegalArgumentException("at most 15 CSRCs: " + csrcs.length);
        }
        this.csrcs = csrcs.clone();
        return this;
    }

    /** A header extension (s5.3.1); {@code data.length} must be a multiple of 4. Null removes it. */
    public RtpPacketWriter extension(int profile, byte[] data) {
        if (data == null) {
            extensionProfile = -1;
            extensionData = null;
            return this;
        }
        if ((data.length & 3) != 0 || data.length > 4 * 0xFFFF) {
            throw new IllegalArgumentException("extension length must be a multiple of 4: " + data.length);
        }
        this.extensionProfile = profile & 0xFFFF;
        this.extensionData = data.clone();
        return this;
    }

    /** Pads every packet to a multiple of {@code block} bytes (0 or 1 for none), as for encryption. */
    public RtpPacketWriter padToMultipleOf(int block) {
        if (block < 0 || block > 255) {
            throw new IllegalArgumentException("padding block " + block);
        }
        this.padTo = block;
        return this;
    }

    /** Header length for the current settings. */
    public int headerLength() {
        return RtpPacket.FIXED_HEADER_LENGTH + 4 * csrcs.length + (extensionData == null ? 0 : 4 + extensionData.length);
    }

    /**
     * Writes one packet to {@code out} at {@code off}.
     *
     * @return the packet length
     * @throws IndexOutOfBoundsException if {@code out} is too small
     */
    public int write(byte[] payload, int payloadOff, int payloadLen, byte[] out, int off) {
        Objects.checkFromIndexSize(payloadOff, payloadLen, payload.length);
        int header = headerLength();
        int unpadded = header + payloadLen;
        int padding = padTo > 1 && unpadded % padTo != 0 ? padTo - unpadded % padTo : 0;
        int total = unpadded + padding;
        Objects.checkFromIndexSize(off, total, out.length);
        out[off] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | (extensionData != null ? 0x10 : 0) | csrcs.length);
        out[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        out[off + 2] = (byte) (sequenceNumber >>> 8);
        out[off + 3] = (byte) sequenceNumber;
        put32(out, off + 4, timestamp);
        put32(out, off + 8, ssrc);
        int at = off + RtpPacket.FIXED_HEADER_LENGTH;
        for (long c : csrcs) {
            put32(out, at, c);
            at += 4;
        }
        if (extensionData != null) {
            out[at] = (byte) (extensionProfile >>> 8);
            out[at + 1] = (byte) extensionProfile;
            int words = extensionData.length / 4;
            out[at + 2] = (byte) (words >>> 8);
            out[at + 3] = (byte) words;
            System.arraycopy(extensionData, 0, out, at + 4, extensionData.length);
            at += 4 + extensionData.length;
        }
        System.arraycopy(payload, payloadOff, out, at, payloadLen);
        at += payloadLen;
        if (padding > 0) {
            for (int i = 0; i < padding - 1; i++) {
                out[at++] = 0;
            }
            out[at] = (byte) padding;
        }
        return total;
    }

    static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
