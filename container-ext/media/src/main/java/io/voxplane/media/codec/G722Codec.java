package io.voxplane.media.codec;

/**
 * ITU-T G.722 at 64 kbit/s, RTP payload type 9 (RFC 3551 s4.5.2): 16,000 Hz sampling, one byte
 * per two samples, but an RTP clock rate of 8,000 Hz, an error in the original RFC 1890 kept for
 * compatibility. A 20 ms frame is 320 samples, 160 bytes, and advances the timestamp by 160.
 */
public final class G722Codec implements AudioCodec {

    /** The shared immutable descriptor. */
    public static final G722Codec INSTANCE = new G722Codec();

    /** Audio sampling rate. */
    public static final int SAMPLE_RATE = 16000;
    /** RTP timestamp clock rate (RFC 3551 s4.5.2), half the sampling rate. */
    public static final int RTP_CLOCK_RATE = 8000;

    private G722Codec() {
    }

    @Override
    public String encodingName() {
        return "G722";
    }

    @Override
    public int payloadType() {
        return 9;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int rtpClockRate() {
        return RTP_CLOCK_RATE;
    }

    @Override
    public int encodedLength(int samples) {
        return samples / 2;
    }

    @Override
    public int decodedLength(int encodedBytes) {
        return encodedBytes * 2;
    }

    @Override
    public int sampleGranularity() {
        return 2;
    }

    @Override
    public AudioEncoder newEncoder() {
        return new G722Encoder();
    }

    @Override
    public AudioDecoder newDecoder() {
        return new G722Decoder();
    }

    @Override
    public String toString() {
        return "G722/8000 (16 kHz audio)";
    }
}
