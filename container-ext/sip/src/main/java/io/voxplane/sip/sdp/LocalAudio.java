package io.voxplane.sip.sdp;

import java.util.List;
import java.util.Objects;

/**
 * What this side offers or accepts for audio: codecs in our order of preference (with at most one
 * {@link AudioCodec#TELEPHONE_EVENT}), the address and RTP port media is received on, the packet
 * time we want to receive, the direction local policy allows (e.g. {@link MediaDirection#SENDONLY}
 * to put the peer on hold, RFC 3264 s8.4) and the codec choice rule for answers.
 *
 * @param address   IPv4 or IPv6 literal (or host name) written in {@code c=} and {@code o=}
 * @param rtpPort   local RTP port; RTCP is on {@code rtpPort + 1} (RFC 3550 s11)
 * @param ptime     packet time in milliseconds written as {@code a=ptime}
 */
public record LocalAudio(List<AudioCodec> codecs, String address, int rtpPort, int ptime,
                         MediaDirection direction, CodecPreference preference) {

    /**
     * 20 ms: the RFC 3551 s4.5 default frame length for G.711 and G.722 and what phones expect
     * when no ptime is given.
     */
    public static final int DEFAULT_PTIME = 20;

    /** PCMU, PCMA, G722 and telephone-event, in that order of preference. */
    public static final List<AudioCodec> DEFAULT_CODECS =
            List.of(AudioCodec.PCMU, AudioCodec.PCMA, AudioCodec.G722, AudioCodec.TELEPHONE_EVENT);

    public LocalAudio {
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(preference, "preference");
        if (codecs.stream().noneMatch(c -> !c.isTelephoneEvent())) {
            throw new IllegalArgumentException("LocalAudio needs at least one voice codec: " + codecs);
        }
        if (rtpPort <= 0 || rtpPort > 65535 || ptime <= 0) {
            throw new IllegalArgumentException("bad local audio port " + rtpPort + " or ptime " + ptime);
        }
    }

    /** The default codecs and ptime, sendrecv, offerer's preference. */
    public static LocalAudio of(String address, int rtpPort) {
        return new LocalAudio(DEFAULT_CODECS, address, rtpPort, DEFAULT_PTIME, MediaDirection.SENDRECV,
                CodecPreference.OFFERER);
    }

    public LocalAudio withCodecs(List<AudioCodec> value) {
        return new LocalAudio(value, address, rtpPort, ptime, direction, preference);
    }

    public LocalAudio withAddress(String value, int port) {
        return new LocalAudio(codecs, value, port, ptime, direction, preference);
    }

    public LocalAudio withPtime(int value) {
        return new LocalAudio(codecs, address, rtpPort, value, direction, preference);
    }

    public LocalAudio withDirection(MediaDirection value) {
        return new LocalAudio(codecs, address, rtpPort, ptime, value, preference);
    }

    public LocalAudio withPreference(CodecPreference value) {
        return new LocalAudio(codecs, address, rtpPort, ptime, direction, value);
    }
}
