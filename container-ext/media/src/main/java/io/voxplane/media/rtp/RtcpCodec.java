package io.voxplane.media.rtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses and writes RTCP compound packets (RFC 3550 s6.1): one datagram holding several RTCP
 * packets back to back, each with a 4-byte header whose length field counts 32-bit words minus
 * one.
 *
 * <p>Validation follows s6.1 and Appendix A.2: every packet has version 2; the first is an SR or
 * RR; only the last may be padded; the lengths add up to the datagram. Counts must fit each
 * packet's length. Unknown types are kept as {@link UnknownRtcpPacket}. Failures are
 * {@link RtpFormatException}s carrying an {@link RtpError} code.
 */
public final class RtcpCodec {

    private RtcpCodec() {
    }

    /** Parses a compound packet. */
    public static List<RtcpPacket> parse(byte[] buf, int off, int len) throws RtpFormatException {
        Objects.checkFromIndexSize(off, len, buf.length);
        List<RtcpPacket> out = new ArrayList<>(4);
        int end = off + len;
        int at = off;
        if (len < 4) {
            throw new RtpFormatException(RtpError.RTCP_TRUNCATED, "datagram of " + len + " bytes");
        }
        while (at < end) {
            if (end - at < 4) {
                throw new RtpFormatException(RtpError.RTCP_TRUNCATED, (end - at) + " trailing bytes");
            }
            int b0 = buf[at] & 0xFF;
            if ((b0 >> 6) != 2) {
                throw new RtpFormatException(RtpError.BAD_VERSION, "RTCP version " + (b0 >> 6) + " at " + (at - off));
            }
            int count = b0 & 0x1F;
            int type = buf[at + 1] & 0xFF;
            int length = 4 * (u16(buf, at + 2) + 1);
            if (at + length > end) {
                throw new RtpFormatException(RtpError.RTCP_TRUNCATED,
                        "packet type " + type + " says " + length + " bytes, " + (end - at) + " left");
            }
            if (out.isEmpty() && type != RtcpPacket.TYPE_SR && type != RtcpPacket.TYPE_RR) {
                throw new RtpFormatException(RtpError.RTCP_BAD_FIRST_PACKET, "first packet type " + type);
            }
            int bodyEnd = at + length;
            if ((b0 & 0x20) != 0) {
                if (at + length != end) {
                    throw new RtpFormatException(RtpError.BAD_PADDING, "padding before the last packet");
                }
                int pad = buf[end - 1] & 0xFF;
                if (pad == 0 || pad > length - 4) {
                    throw new RtpFormatException(RtpError.BAD_PADDING, "padding count " + pad);
                }
                bodyEnd -= pad;
            }
            out.add(parseOne(type, count, buf, at + 4, bodyEnd));
            at += length;
        }
        return out;
    }

    private static RtcpPacket parseOne(int type, int count, byte[] b, int at, int end) throws RtpFormatException {
        switch (type) {
            case RtcpPacket.TYPE_SR -> {
                need(at + 24 + ReportBlock.LENGTH * count, end, "SR with " + count + " blocks");
                return new SenderReport(u32(b, at), (u32(b, at + 4) << 32) | u32(b, at + 8), u32(b, at + 12),
                        u32(b, at + 16), u32(b, at + 20), blocks(b, at + 24, count));
            }
            case RtcpPacket.TYPE_RR -> {
                need(at + 4 + ReportBlock.LENGTH * count, end, "RR with " + count + " blocks");
                return new ReceiverReport(u32(b, at), blocks(b, at + 4, count));
            }
            case RtcpPacket.TYPE_SDES -> {
                return sdes(b, at, end, count);
            }
            case RtcpPacket.TYPE_BYE -> {
                need(at + 4 * count, end, "BYE with " + count + " sources");
                List<Long> ssrcs = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ssrcs.add(u32(b, at + 4 * i));
                }
                int r = at + 4 * count;
                String reason = "";
                if (r < end) {
                    int n = b[r] & 0xFF;
                    need(r + 1 + n, end, "BYE reason of " + n + " bytes");
                    reason = new String(b, r + 1, n, StandardCharsets.UTF_8);
                }
                return new Goodbye(ssrcs, reason);
            }
            default -> {
                byte[] body = new byte[end - at];
                System.arraycopy(b, at, body, 0, body.length);
                return new UnknownRtcpPacket(type, count, body);
            }
        }
    }

    private static SourceDescription sdes(byte[] b, int at, int end, int count) throws RtpFormatException {
        List<SourceDescription.Chunk> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            need(at + 4, end, "SDES chunk " + c);
            long ssrc = u32(b, at);
            int i = at + 4;
            List<SourceDescription.Item> items = new ArrayList<>(2);
            while (true) {
                if (i >= end) {
                    throw new RtpFormatException(RtpError.RTCP_BAD_SDES, "chunk " + c + " not terminated");
                }
                int itemType = b[i] & 0xFF;
                if (itemType == 0) {
                    i++;
                    break;
                }
                need(i + 2, end, "SDES item header");
                int n = b[i + 1] & 0xFF;
                need(i + 2 + n, end, "SDES item of " + n + " bytes");
                items.add(new SourceDescription.Item(itemType, new String(b, i + 2, n, StandardCharsets.UTF_8)));
                i += 2 + n;
            }
            // the null item is followed by padding to the next 32-bit boundary (s6.5)
            int next = at + ((i - at + 3) & ~3);
            if (next > end) {
                throw new RtpFormatException(RtpError.RTCP_BAD_SDES, "chunk " + c + " padding past the packet");
            }
            chunks.add(new SourceDescription.Chunk(ssrc, items));
            at = next;
        }
        return new SourceDescription(chunks);
    }

    private static List<ReportBlock> blocks(byte[] b, int at, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = at + ReportBlock.LENGTH * i;
            int lost = ((b[p + 5] & 0xFF) << 16) | ((b[p + 6] & 0xFF) << 8) | (b[p + 7] & 0xFF);
            lost = (lost << 8) >> 8; // sign-extend 24 bits
            blocks.add(new ReportBlock(u32(b, p), b[p + 4] & 0xFF, lost, u32(b, p + 8), u32(b, p + 12),
                    u32(b, p + 16), u32(b, p + 20)));
        }
        return blocks;
    }

    private static void need(int upTo, int end, String what) throws RtpFormatException {
        if (upTo > end) {
            throw new RtpFormatException(RtpError.RTCP_BAD_COUNT, what + " needs " + upTo + " > " + end);
        }
    }

    /** Serialises packets as one compound packet (the caller puts SR or RR first, s6.1). */
    public static byte[] write(List<? extends RtcpPacket> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        for (RtcpPacket p : packets) {
            writeOne(p, out);
        }
        return out.toByteArray();
    }

    private static void writeOne(RtcpPacket p, ByteArrayOutputStream out) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        int count;
        switch (p) {
            case SenderReport sr -> {
                count = sr.reports().size();
                put32(body, sr.ssrc());
                put32(body, sr.ntpTimestamp() >>> 32);
                put32(body, sr.ntpTimestamp());
                put32(body, sr.rtpTimestamp());
                put32(body, sr.packetCount());
                put32(body, sr.octetCount());
                sr.reports().forEach(r -> putBlock(body, r));
            }
            case ReceiverReport rr -> {
                count = rr.reports().size();
                put32(body, rr.ssrc());
                rr.reports().forEach(r -> putBlock(body, r));
            }
            case SourceDescription sd -> {
                count = sd.chunks().size();
                for (SourceDescription.Chunk c : sd.chunks()) {
                    int start = body.size();
                    put32(body, c.ssrc());
                    for (SourceDescription.Item item : c.items()) {
                        byte[] v = item.value().getBytes(StandardCharsets.UTF_8);
                        body.write(item.type());
                        body.write(v.length);
                        body.write(v, 0, v.length);
                    }
                    body.write(0);
                    while ((body.size() - start) % 4 != 0) {
                        body.write(0);
                    }
                }
            }
            case Goodbye bye -> {
                count = bye.ssrcs().size();
                bye.ssrcs().forEach(s -> put32(body, s));
                if (!bye.reason().isEmpty()) {
                    byte[] r = bye.reason().getBytes(StandardCharsets.UTF_8);
                    body.write(r.length);
                    body.write(r, 0, r.length);
                    while (body.size() % 4 != 0) {
                        body.write(0);
                    }
                }
            }
            case UnknownRtcpPacket u -> {
                count = u.count() & 0x1F;
                byte[] b = u.body();
                body.write(b, 0, b.length);
                while (body.size() % 4 != 0) {
                    body.write(0);
                }
            }
        }
        int words = body.size() / 4;
        out.write(0x80 | count);
        out.write(p.packetType());
        out.write(words >>> 8);
        out.write(words);
        out.write(body.toByteArray(), 0, body.size());
    }

    private static void putBlock(ByteArrayOutputStream o, ReportBlock r) {
        put32(o, r.ssrc());
        o.write(r.fractionLost());
        int lost = r.cumulativeLost() & 0xFFFFFF;
        o.write(lost >>> 16);
        o.write(lost >>> 8);
        o.write(lost);
        put32(o, r.extendedHighestSequence());
        put32(o, r.jitter());
        put32(o, r.lastSenderReport());
        put32(o, r.delaySinceLastSenderReport());
    }

    private static void put32(ByteArrayOutputStream o, long v) {
        o.write((int) (v >>> 24) & 0xFF);
        o.write((int) (v >>> 16) & 0xFF);
        o.write((int) (v >>> 8) & 0xFF);
        o.write((int) v & 0xFF);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
