package io.voxplane.media.rtp;

/**
 * An RTCP packet this code does not interpret (APP, feedback, XR ...), kept whole so it can be
 * relayed or logged.
 *
 * @param packetType the type field
 * @param count the 5-bit count/subtype field
 * @param body the bytes after the 4-byte header, padding removed
 */
public record UnknownRtcpPacket(int packetType, int count, byte[] body) implements RtcpPacket {

    public UnknownRtcpPacket {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
