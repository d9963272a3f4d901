package io.voxplane.media.rtp;

import java.util.List;

/** BYE (RFC 3550 s6.6): the sources leaving and an optional reason (empty if none). */
public record Goodbye(List<Long> ssrcs, String reason) implements RtcpPacket {

    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        reason = reason == null ? "" : reason;
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException("at most 31 sources: " + ssrcs.size());
        }
        if (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
    }

    @Override
    public int packetType() {
        return TYPE_BYE;
    }
}
