package io.voxplane.media.session;

import io.voxplane.media.MediaErrorCode;
import io.voxplane.media.MediaException;
import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioCodecs;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What offer/answer negotiated for one audio stream (RFC 3264), as a media session uses it.
 *
 * @param remote the peer's RTP address from {@code c=}/{@code m=} (RTCP is assumed on the next port);
 *     symmetric RTP may later send elsewhere
 * @param codec the codec of the audio payload type
 * @param payloadType the audio payload type as negotiated (static or dynamic)
 * @param ptimeMillis packet duration ({@code a=ptime}, RFC 4566 s6), 10-{@value #MAX_PTIME_MILLIS} ms in 10 ms steps
 * @param telephoneEventPayloadType the RFC 4733 {@code telephone-event} payload type, or
 *     {@link #NO_TELEPHONE_EVENT}
 * @param direction our direction ({@code a=sendrecv/sendonly/recvonly/inactive})
 */
public record MediaParameters(InetSocketAddress remote, AudioCodec codec, int payloadType, int ptimeMillis,
        int telephoneEventPayloadType, MediaDirection direction) {

    /** {@link #telephoneEventPayloadType()} when no telephone-event was negotiated. */
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
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(direction, "direction");
        if (payloadType < 0 || payloadType > 127 || (payloadType >= 72 && payloadType <= 76)) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, "audio payload type " + payloadType);
        }
        if (ptimeMillis < 10 || ptimeMillis > MAX_PTIME_MILLIS || ptimeMillis % 10 != 0) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, "ptime " + ptimeMillis + " ms");
        }
        if (telephoneEventPayloadType != NO_TELEPHONE_EVENT && (telephoneEventPayloadType < 0
                || telephoneEventPayloadType > 127 || telephoneEventPayloadType == payloadType)) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS,
                    "telephone-event payload type " + telephoneEventPayloadType);
        }
        if (remote.isUnresolved()) {
            throw new MediaException(MediaErrorCode.BAD_PARAMETERS, "unresolved remote address " + remote);
        }
    }

    /**
     * From the SDP's {@code a=rtpmap} values.
     *
     * @param encodingName for example {@code PCMU}, {@code PCMA}, {@code G722}
     * @param clockRate the rtpmap clock rate (8000 for all three, G.722 included)
     * @throws MediaException {@code VXMED-004} if the codec is not supported, {@code VXMED-005} for bad values
     */
    public static MediaParameters negotiated(InetSocketAddress remote, String encodingName, int payloadType,
            int clockRate, int ptimeMillis, int telephoneEventPayloadType, MediaDirection direction) {
        AudioCodec codec = AudioCodecs.byRtpmap(encodingName, clockRate).orElseThrow(() -> new MediaException(
                MediaErrorCode.UNSUPPORTED_CODEC, encodingName + "/" + clockRate));
        return new MediaParameters(remote, codec, payloadType, ptimeMillis, telephoneEventPayloadType, direction);
    }

    /** A static payload type codec (RFC 3551: 0 PCMU, 8 PCMA, 9 G722) with default ptime, sendrecv. */
    public static MediaParameters of(InetSocketAddress remote, AudioCodec codec, int telephoneEventPayloadType) {
        return new MediaParameters(remote, codec, codec.payloadType(), DEFAULT_PTIME_MILLIS, telephoneEventPayloadType,
                MediaDirection.SENDRECV);
    }

    /** The same parameters with another direction (hold, resume). */
    public MediaParameters withDirection(MediaDirection d) {
        return new MediaParameters(remote, codec, payloadType, ptimeMillis, telephoneEventPayloadType, d);
    }

    /** The same parameters with another remote address. */
    public MediaParameters withRemote(InetSocketAddress r) {
        return new MediaParameters(r, codec, payloadType, ptimeMillis, telephoneEventPayloadType, direction);
    }

    /** Samples per packet at the codec's sample rate. */
    public int frameSamples() {
        return codec.samplesPerFrame(ptimeMillis);
    }

    /** RTP timestamp advance per packet. */
    public int frameTimestampIncrement() {
        return codec.rtpTimestampIncrement(frameSamples());
    }

    /** True if codec, payload type and ptime equal (the audio format did not change). */
    boolean sameFormat(MediaParameters o) {
        return o != null && o.codec == codec && o.payloadType == payloadType && o.ptimeMillis == ptimeMillis;
    }
}
