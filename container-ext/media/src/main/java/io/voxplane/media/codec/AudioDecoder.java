package io.voxplane.media.codec;

/**
 * Decodes a codec's bitstream into 16-bit linear PCM. Holds the per-stream state of stateful
 * codecs (G.722), so one instance serves exactly one stream and one thread at a time. The caller
 * owns both arrays; nothing is retained between calls. Every byte sequence is valid input: a
 * decoder never throws on content, and overload saturates to the 16-bit range instead of
 * wrapping.
 */
public interface AudioDecoder {

    /** The codec this decoder belongs to. */
    AudioCodec codec();

    /**
     * Decodes {@code length} bytes of {@code in} from {@code inOffset} into {@code pcm} at
     * {@code pcmOffset}.
     *
     * @return the number of samples written, {@code codec().decodedLength(length)}
     * @throws IndexOutOfBoundsException if either range falls outside its array
     */
    int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset);

    /** Returns the decoder to its initial state (a new stream). */
    void reset();
}
