package io.voxplane.sip.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * An audio format as offer/answer sees it: encoding name, RTP payload type, RTP clock rate,
 * channels and format parameters (RFC 4566 s6 rtpmap/fmtp, RFC 3551 s6). Static payload types
 * (0-95) have fixed numbers; dynamic ones (96-127) take the number the offerer chose
 * (RFC 3264 s6.1).
 *
 * @param fmtp the {@code a=fmtp} parameters for this format, if any
 */
public record AudioCodec(String name, int payloadType, int clockRate, int channels, Optional<String> fmtp) {

    /** G.711 mu-law, static payload type 0 (RFC 3551 s4.5.14). */
    public static final AudioCodec PCMU = new AudioCodec("PCMU", 0, 8000, 1, Optional.empty());

    /** G.711 A-law, static payload type 8 (RFC 3551 s4.5.14). */
    public static final AudioCodec PCMA = new AudioCodec("PCMA", 8, 8000, 1, Optional.empty());

    /**
     * G.722, static payload type 9. Its RTP clock rate is 8000 although it samples at 16 kHz
     * (RFC 3551 s4.5.2: an error in RFC 1890 kept for backward compatibility).
     */
    public static final AudioCodec G722 = new AudioCodec("G722", 9, 8000, 1, Optional.empty());

    /**
     * DTMF events (RFC 4733 s2.4.1, s7.1) on dynamic payload type 101, events 0-15 (digits, *, #,
     * A-D). In an answer the offerer's payload type number is used instead of 101.
     */
    public static final AudioCodec TELEPHONE_EVENT =
            new AudioCodec("telephone-event", 101, 8000, 1, Optional.of("0-15"));

    public AudioCodec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fmtp, "fmtp");
        if (payloadType < 0 || payloadType > 127 || clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad codec " + name + " " + payloadType + "/" + clockRate);
        }
    }

    /** Whether this is RFC 4733 telephone-event rather than a voice codec. */
    public boolean isTelephoneEvent() {
        return name.equalsIgnoreCase("telephone-event");
    }

    /** Whether an offered mapping is this format (name case-insensitive, clock rate, channels). */
    public boolean matches(RtpMap map) {
        return map.sameFormat(name, clockRate, channels);
    }

    /** The same format under another payload type number, e.g. the offerer's dynamic one. */
    public AudioCodec withPayloadType(int pt) {
        return new AudioCodec(name, pt, clockRate, channels, fmtp);
    }

    /** The same format with other (or no) format parameters. */
    public AudioCodec withFmtp(Optional<String> parameters) {
        return new AudioCodec(name, payloadType, clockRate, channels, parameters);
    }

    /** The {@code a=rtpmap} value for this codec. */
    public RtpMap rtpMap() {
        return new RtpMap(payloadType, name, clockRate, channels);
    }
}
