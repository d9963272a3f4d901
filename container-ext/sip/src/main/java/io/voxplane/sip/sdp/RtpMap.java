package io.voxplane.sip.sdp;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of {@code a=rtpmap} (RFC 4566 s6): {@code payload-type encoding-name/clock-rate
 * [/channels]}. Static payload types of RFC 3551 s6 need no rtpmap; {@link #forStaticType(int)}
 * gives the mapping the RFC fixes for them.
 *
 * @param channels number of audio channels, 1 when not written
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {

    public RtpMap {
        Objects.requireNonNull(encodingName, "encodingName");
        if (payloadType < 0 || payloadType > 127 || clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad rtpmap " + payloadType + " " + encodingName + "/" + clockRate
                    + "/" + channels);
        }
    }

    /**
     * Reads {@code 96 opus/48000/2}.
     *
     * @return the mapping, or empty when the value does not have that shape
     */
    public static Optional<RtpMap> parse(String value) {
        int sp = value.indexOf(' ');
        if (sp <= 0) {
            return Optional.empty();
        }
        int pt = SdpNumbers.parseInt(value, 0, sp, 127);
        String rest = value.substring(sp + 1).strip();
        int s1 = rest.indexOf('/');
        if (pt < 0 || s1 <= 0) {
            return Optional.empty();
        }
        int s2 = rest.indexOf('/', s1 + 1);
        int rate = SdpNumbers.parseInt(rest, s1 + 1, s2 < 0 ? rest.length() : s2, Integer.MAX_VALUE);
        int channels = s2 < 0 ? 1 : SdpNumbers.parseInt(rest, s2 + 1, rest.length(), 255);
        if (rate <= 0 || channels <= 0) {
            return Optional.empty();
        }
        return Optional.of(new RtpMap(pt, rest.substring(0, s1), rate, channels));
    }

    /**
     * The RFC 3551 s6 (table 4) mapping of a static audio payload type, e.g. 0 is PCMU/8000 and 9 is
     * G722/8000 (its RTP clock rate is 8000 although it samples at 16 kHz, an error kept for
     * backward compatibility).
     */
    public static Optional<RtpMap> forStaticType(int payloadType) {
        return switch (payloadType) {
            case 0 -> Optional.of(new RtpMap(0, "PCMU", 8000, 1));
            case 3 -> Optional.of(new RtpMap(3, "GSM", 8000, 1));
            case 4 -> Optional.of(new RtpMap(4, "G723", 8000, 1));
            case 5 -> Optional.of(new RtpMap(5, "DVI4", 8000, 1));
            case 6 -> Optional.of(new RtpMap(6, "DVI4", 16000, 1));
            case 7 -> Optional.of(new RtpMap(7, "LPC", 8000, 1));
            case 8 -> Optional.of(new RtpMap(8, "PCMA", 8000, 1));
            case 9 -> Optional.of(new RtpMap(9, "G722", 8000, 1));
            case 10 -> Optional.of(new RtpMap(10, "L16", 44100, 2));
            case 11 -> Optional.of(new RtpMap(11, "L16", 44100, 1));
            case 12 -> Optional.of(new RtpMap(12, "QCELP", 8000, 1));
            case 13 -> Optional.of(new RtpMap(13, "CN", 8000, 1));
            case 14 -> Optional.of(new RtpMap(14, "MPA", 90000, 1));
            case 15 -> Optional.of(new RtpMap(15, "G728", 8000, 1));
            case 16 -> Optional.of(new RtpMap(16, "DVI4", 11025, 1));
            case 17 -> Optional.of(new RtpMap(17, "DVI4", 22050, 1));
            case 18 -> Optional.of(new RtpMap(18, "G729", 8000, 1));
            default -> Optional.empty();
        };
    }

    /** Same encoding (case-insensitive, RFC 4855 s3), clock rate and channels. */
    public boolean sameFormat(String name, int rate, int channelCount) {
        return encodingName.toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))
                && clockRate == rate && channels == channelCount;
    }

    /** A key equal for the same format: upper-case name, clock rate and channels. */
    public String formatKey() {
        return encodingName.toUpperCase(Locale.ROOT) + '/' + clockRate + '/' + channels;
    }

    /** The attribute value, e.g. {@code 8 PCMA/8000}; channels written only when not 1. */
    public String value() {
        return payloadType + " " + encodingName + '/' + clockRate + (channels == 1 ? "" : "/" + channels);
    }
}
