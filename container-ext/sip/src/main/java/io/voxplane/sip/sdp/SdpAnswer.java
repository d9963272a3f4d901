package io.voxplane.sip.sdp;

import java.util.Objects;

/**
 * An answer we produced (RFC 3264 s6): the SDP to send and the audio stream it agrees on.
 *
 * @param sdp   the answer, to put in the 2xx (or the ACK / PRACK / UPDATE response)
 * @param audio the negotiated audio stream
 */
public record SdpAnswer(SessionDescription sdp, NegotiatedAudio audio) {

    public SdpAnswer {
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(audio, "audio");
    }
}
