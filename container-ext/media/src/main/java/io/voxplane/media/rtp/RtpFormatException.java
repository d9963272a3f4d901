package io.voxplane.media.rtp;

/** A datagram that is not valid RTP/RTCP, for APIs that throw; carries the {@link RtpError}. */
public final class RtpFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RtpError error;

    public RtpFormatException(RtpError error, String detail) {
        super(error.code() + " " + error + ": " + detail);
        this.error = error;
    }

    /** The typed reason. */
    public RtpError error() {
        return error;
    }
}
