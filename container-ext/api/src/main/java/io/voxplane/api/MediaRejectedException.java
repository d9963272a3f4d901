package io.voxplane.api;

/**
 * {@link SipRequest#answerWithMedia} could not set up media; the container already answered the
 * INVITE with {@link #status()}: 488 for an offer it cannot accept (no common codec, no SDP, not
 * RTP/AVP: RFC 3264 s6) with a Warning header saying why, 503 when no RTP port is free, 487 when
 * the caller cancelled first.
 */
public final class MediaRejectedException extends RuntimeException {

    private final int status;

    public MediaRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The status the INVITE was answered with. */
    public int status() {
        return status;
    }
}
