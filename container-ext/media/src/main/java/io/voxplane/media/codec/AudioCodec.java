package io.voxplane.media.codec;

/**
 * A narrow- or wideband voice codec as used over RTP: what it is called in SDP, its static payload
 * type (RFC 3551 s6, Table 4), its audio sampling rate and its RTP timestamp clock rate, plus
 * factories for per-call encoder and decoder state.
 *
 * <p>The sampling rate and the RTP clock rate are kept apart on purpose: G.722 samples at
 * 16,000 Hz but its RTP clock runs at 8,000 Hz for historical reasons (RFC 3551 s4.5.2), so a
 * 20 ms G.722 frame holds 320 samples and advances the RTP timestamp by 160. Use
 * {@link #rtpTimestampIncrement(int)} and never derive timestamps from sample counts directly.
 *
 * <p>Implementations are immutable and shared; encoders and decoders they create are not
 * thread-safe and belong to one media stream.
 */
public interface AudioCodec {

    /** The encoding name of the {@code a=rtpmap} line, for example {@code PCMU}. */
    String encodingName();

    /** The static RTP payload type (RFC 3551 s6), for example 0 for PCMU. */
    int payloadType();

    /** Audio samples per second delivered by the decoder and expected by the encoder. */
    int sampleRate();

    /** RTP timestamp units per second, as written in {@code a=rtpmap} (RFC 3551 s4.5). */
    int rtpClockRate();

    /** Encoded bytes produced for {@code samples} input samples (a multiple of {@link #sampleGranularity()}). */
    int encodedLength(int samples);

    /** Samples produced by decoding {@code encodedBytes} bytes. */
    int decodedLength(int encodedBytes);

    /** The smallest number of samples the encoder consumes at once (1 for G.711, 2 for G.722). */
    int sampleGranularity();

    /** RTP timestamp advance for a frame of {@code samples} audio samples. */
    default int rtpTimestampIncrement(int samples) {
        return (int) ((long) samples * rtpClockRate() / sampleRate());
    }

    /** Audio samples in a frame of {@code millis} milliseconds. */
    default int samplesPerFrame(int millis) {
        return sampleRate() / 1000 * millis;
    }

    /** An encoder with fresh state; a stateless codec (G.711) may return a shared instance. */
    AudioEncoder newEncoder();

    /** A decoder with fresh state; a stateless codec (G.711) may return a shared instance. */
    AudioDecoder newDecoder();
}
