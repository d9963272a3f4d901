package io.voxplane.sip.sdp;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of one offer/answer exchange for the audio stream: everything the media plane needs
 * to open or update an RTP session without reading SDP again.
 *
 * @param mediaIndex                 position of the audio m= line (0-based) in both SDPs
 * @param localAddress               where we receive RTP (our c=)
 * @param localRtpPort               our RTP port; our RTCP port is one more
 * @param remoteAddress              where to send RTP: the peer's c= host (media level, else
 *                                   session level), as written: usually an IP literal, but RFC 4566
 *                                   allows a host name, which the caller resolves; {@code 0.0.0.0} for
 *                                   an RFC 2543 hold
 * @param remoteRtpPort              the peer's m= port
 * @param remoteRtcpAddress          where to send RTCP: the a=rtcp address (RFC 3605), else remoteAddress
 * @param remoteRtcpPort             a=rtcp port, else remoteRtpPort + 1 (RFC 3550 s11)
 * @param codec                      the voice codec, with the payload type to send it with
 * @param receivePayloadType         payload type the peer sends the codec with; equal to
 *                                   {@code codec.payloadType()} unless an answerer renumbered a
 *                                   dynamic type (RFC 3264 s6.1 says it SHOULD NOT)
 * @param telephoneEventPayloadType  RFC 4733 telephone-event payload type to send DTMF with, when
 *                                   both sides support it
 * @param receiveTelephoneEventPayloadType telephone-event payload type the peer sends with
 * @param ptime                      packet time to send at, in ms: the peer's a=ptime (capped by its
 *                                   a=maxptime), else ours
 * @param direction                  our direction: whether we send and/or receive media
 * @param remoteHold                 the peer does not want media: its SDP is sendonly or inactive,
 *                                   or its c= is 0.0.0.0 (RFC 3264 s8.4)
 */
public record NegotiatedAudio(int mediaIndex, String localAddress, int localRtpPort, String remoteAddress,
                              int remoteRtpPort, String remoteRtcpAddress, int remoteRtcpPort, AudioCodec codec,
                              int receivePayloadType, OptionalInt telephoneEventPayloadType,
                              OptionalInt receiveTelephoneEventPayloadType, int ptime, MediaDirection direction,
                              boolean remoteHold) {

    public NegotiatedAudio {
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(remoteRtcpAddress, "remoteRtcpAddress");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(telephoneEventPayloadType, "telephoneEventPayloadType");
        Objects.requireNonNull(receiveTelephoneEventPayloadType, "receiveTelephoneEventPayloadType");
        Objects.requireNonNull(direction, "direction");
    }

    /** Whether we send RTP: our direction allows it and the peer gave a real address. */
    public boolean sends() {
        return direction.sends();
    }

    /** Whether we expect RTP from the peer. */
    public boolean receives() {
        return direction.receives();
    }
}
