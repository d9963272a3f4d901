package io.voxplane.sip.sdp;

/**
 * Whose order of preference picks the codec in an answer (RFC 3264 s6.1 lets the answerer choose
 * among the formats both support).
 */
public enum CodecPreference {
    /** The first offered format that we also support: the offerer listed its formats by preference (s5.1). */
    OFFERER,
    /** The first of our codecs, in {@link LocalAudio#codecs()} order, that the offer also lists. */
    LOCAL
}
