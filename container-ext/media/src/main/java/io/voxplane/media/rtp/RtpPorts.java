package io.voxplane.media.rtp;

/**
 * The UDP ports of one RTP session: an even RTP port and the RTCP port above it (RFC 3550 s11:
 * RTP on an even port, RTCP on the next higher odd port).
 */
public record RtpPorts(int rtp, int rtcp) {

    public RtpPorts {
        if ((rtp & 1) != 0 || rtcp != rtp + 1 || rtp <= 0 || rtcp > 65535) {
            throw new IllegalArgumentException("RTP port must be even with RTCP on the next port: " + rtp + "/" + rtcp);
        }
    }

    /** The pair starting at the even port {@code rtp}. */
    public static RtpPorts of(int rtp) {
        return new RtpPorts(rtp, rtp + 1);
    }
}
