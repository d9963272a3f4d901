package io.voxplane.media.codec;

/**
 * Encodes 16-bit linear PCM into a codec's bitstream. Holds the per-stream state of stateful
 * codecs (G.722), so one instance serves exactly one stream and one thread at a time. The caller
 * owns both arrays; nothing is retained between calls.
 */
public interface AudioEncoder {

    /** The codec this encoder belongs to. */
    AudioCodec codec();

    /**
     * Encodes {@code length} samples of {@code pcm} from {@code pcmOffset} into {@code out} at
     * {@code outOffset}.
     *
     * @param length number of samples; a multiple of {@link AudioCodec#sampleGranularity()}
     * @return the number of bytes written, {@code codec().encodedLength(length)}
     * @throws IllegalArgumentException if the length is not a multiple of the granularity
     * @throws IndexOutOfBoundsException if either range falls outside its array
     */
    int encode(short[] pcm, int pcmOffset, int length, byte[] out, int outOffset);

    /** Returns the encoder to its initial state (a new stream). */
    void reset();
}
