package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioCodecs;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What offer/answer negotiated for one audio stream (RFC 3264), as a media session uses it. Send
 * and receive payload types are kept apart because an answerer may renumber dynamic types (RFC
 * 3264 s6.1); for static codecs they are equal.
 *
 * @param remote the peer's RTP address from {@code c=}/{@code m=}; symmetric RTP may later send
 *     elsewhere. An unspecified address ({@code 0.0.0.0}, the RFC 2543 hold) means: send nothing
 * @param remoteRtcp the peer's RTCP address ({@code a=rtcp}, RFC 3605; else RTP port + 1)
 * @param codec the codec of the audio payload type
 * @param payloadType the audio payload type we send with
 * @param receivePayloadType the audio payload type the peer sends with
 * @param ptimeMillis packet duration ({@code a=ptime}, RFC 4566 s6), 10-{@value #MAX_PTIME_MILLIS} ms in 10 ms steps
 * @param telephoneEventPayloadType the RFC 4733 {@code telephone-event} payload type we send with,
 *     or {@link #NO_TELEPHONE_EVENT}
 * @param receiveTelephoneEventPayloadType the telephone-event payload type the peer sends with, or
 *     {@link #NO_TELEPHONE_EVENT}
 * @param direction our direction ({@code a=sendrecv/sendonly/recvonly/inactive})
 */
public record MediaParameters(InetSocketAddress remote, InetSocketAddress remoteRtcp, AudioCodec codec,
        int payloadType, int receivePayloadType, int ptimeMillis, int telephoneEventPayloadType,
        int receiveTelephoneEventPayloadType, MediaDirection direction) {

    /** A telephone-event payload type when none was negotiated. */
    public static final int NO_TELEPHONE_EVENT = -1;
    /** {@code a=ptime} when the SDP has none: 20 ms (RFC 3551 s4.5). */
    public static final int DEFAULT_PTIME_MILLIS = 20;
    /** Longest ptime accepted: 200 ms, far above what phones use (RFC 3551 s4.5 suggests at most 200 ms). */
    public static final int MAX_PTIME_MILLIS = 200;

    /**
     * @throws MediaException {@code VXMED-005} for out-of-range values
     */
    public MediaParameters {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(remoteRtcp, "remoteRtcp");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(direction, "direction");
        checkPayloadType("audio", payloadType);
        checkPayloadType("received audio", receivePayloadType);
        if (ptimeMillis < 10 || ptimeMillis > MAX_PTIME_MILLIS || ptimeMillis % 10 != 0) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, "ptime " + ptimeMillis + " ms");
        }
        checkEventType(telephoneEventPayloadType, payloadType);
        checkEventType(receiveTelephoneEventPayloadType, receivePayloadType);
        if (remote.isUnresolved() || remoteRtcp.isUnresolved()) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, "unresolved remote address " + remote);
        }
    }

    /** Same payload types both ways, RTCP on the port above RTP. */
    public MediaParameters(InetSocketAddress remote, AudioCodec codec, int payloadType, int ptimeMillis,
            int telephoneEventPayloadType, MediaDirection direction) {
        this(remote, rtcpOf(remote), codec, payloadType, payloadType, ptimeMillis, telephoneEventPayloadType,
                telephoneEventPayloadType, direction);
    }

    private static void checkPayloadType(String what, int pt) {
        // 72-76 would collide with RTCP packet types (RFC 5761 s4)
        if (pt < 0 || pt > 127 || (pt >= 72 && pt <= 76)) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, what + " payload type " + pt);
        }
    }

    private static void checkEventType(int pt, int audio) {
        if (pt != NO_TELEPHONE_EVENT && (pt < 0 || pt > 127 || pt == audio || (pt >= 72 && pt <= 76))) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, "telephone-event payload type " + pt);
        }
    }

    private static InetSocketAddress rtcpOf(InetSocketAddress rtp) {
        Objects.requireNonNull(rtp, "remote");
        return new InetSocketAddress(rtp.getAddress(), Math.min(65535, rtp.getPort() + 1));
    }

    /**
     * From the SDP's {@code a=rtpmap} values, same payload types both ways.
     *
     * @param encodingName for example {@code PCMU}, {@code PCMA}, {@code G722}
     * @param clockRate the rtpmap clock rate (8000 for all three, G.722 included)
     * @throws MediaException {@code VXMED-004} if the codec is not supported, {@code VXMED-005} for bad values
     */
    public static MediaParameters negotiated(InetSocketAddress remote, String encodingName, int payloadType,
            int clockRate, int ptimeMillis, int telephoneEventPayloadType, MediaDirection direction) {
        return new MediaParameters(remote, codec(encodingName, clockRate), payloadType, ptimeMillis,
                telephoneEventPayloadType, direction);
    }

    /**
     * The codec of an {@code a=rtpmap} encoding name and clock rate.
     *
     * @throws MediaException {@code VXMED-004} if it is not supported
     */
    public static AudioCodec codec(String encodingName, int clockRate) {
        return AudioCodecs.byRtpmap(encodingName, clockRate).orElseThrow(() -> new MediaException(
                MediaErrorCode.UNSUPPORTED_CODEC, encodingName + "/" + clockRate));
    }

    /** A static payload type codec (RFC 3551: 0 PCMU, 8 PCMA, 9 G722) with default ptime, sendrecv. */
    public static MediaParameters of(InetSocketAddress remote, AudioCodec codec, int telephoneEventPayloadType) {
        return new MediaParameters(remote, codec, codec.payloadType(), DEFAULT_PTIME_MILLIS, telephoneEventPayloadType,
                MediaDirection.SENDRECV);
    }

    /** The same parameters with another direction (hold, resume). */
    public MediaParameters withDirection(MediaDirection d) {
        return new MediaParameters(remote, remoteRtcp, codec, payloadType, receivePayloadType, ptimeMillis,
                telephoneEventPayloadType, receiveTelephoneEventPayloadType, d);
    }

    /** True if media may be sent: the direction sends and the remote address is not {@code 0.0.0.0}. */
    public boolean sends() {
        return direction.sends() && !remote.getAddress().isAnyLocalAddress();
    }

    /** Samples per packet at the codec's sample rate. */
    public int frameSamples() {
        return codec.samplesPerFrame(ptimeMillis);
    }

    /** RTP timestamp advance per packet. */
    public int frameTimestampIncrement() {
        return codec.rtpTimestampIncrement(frameSamples());
    }

    /** True if codec, payload types and ptime equal (the audio format did not change). */
    boolean sameFormat(MediaParameters o) {
        return o != null && o.codec == codec && o.payloadType == payloadType && o.receivePayloadType == receivePayloadType
                && o.ptimeMillis == ptimeMillis;
    }
}
