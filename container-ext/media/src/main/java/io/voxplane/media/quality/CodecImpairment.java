package io.voxplane.media.quality;

import io.voxplane.media.codec.AudioCodec;

/**
 * A codec's equipment impairment factor Ie and packet-loss robustness factor Bpl (ITU-T G.113
 * Appendix I), the codec inputs of the E-model.
 *
 * @param ie equipment impairment factor without loss
 * @param bpl packet-loss robustness factor; larger is more robust
 */
public record CodecImpairment(double ie, double bpl) {

    /** G.711 with packet-loss concealment (G.113 Appendix I, G.711 Appendix I PLC): Ie 0, Bpl 25.1. */
    public static final CodecImpairment G711_WITH_PLC = new CodecImpairment(0, 25.1);
    /** G.711 without concealment (G.113 Appendix I): Ie 0, Bpl 4.3. */
    public static final CodecImpairment G711_NO_PLC = new CodecImpairment(0, 4.3);
    /**
     * G.722 at 64 kbit/s on the narrowband R scale: an approximation. The wideband E-model
     * (G.107.1, R up to 129) is not implemented; on the narrowband scale G.722 is taken as
     * transparent like G.711 (Ie 0) and as robust as G.711 with PLC (Bpl 25.1), because this module
     * conceals both codecs with the same PCM-domain concealer. This under-rates G.722's wideband
     * advantage and should be read as "at least as good as G.711".
     */
    public static final CodecImpairment G722_NARROWBAND_APPROXIMATION = new CodecImpairment(0, 25.1);

    public CodecImpairment {
        if (ie < 0 || bpl <= 0) {
            throw new IllegalArgumentException("Ie " + ie + ", Bpl " + bpl);
        }
    }

    /** The impairment for one of this module's codecs, assuming the jitter buffer's concealment. */
    public static CodecImpairment of(AudioCodec codec) {
        return switch (codec.encodingName()) {
            case "PCMU", "PCMA" -> G711_WITH_PLC;
            case "G722" -> G722_NARROWBAND_APPROXIMATION;
            default -> throw new IllegalArgumentException("no G.113 values for " + codec.encodingName());
        };
    }
}
