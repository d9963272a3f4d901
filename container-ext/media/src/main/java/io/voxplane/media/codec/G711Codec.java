package io.voxplane.media.codec;

/**
 * ITU-T G.711 at 64 kbit/s: PCMU (mu-law, payload type 0) and PCMA (A-law, payload type 8),
 * 8,000 Hz sampling and RTP clock (RFC 3551 s4.5.14), one byte per sample. Stateless, so the
 * encoder and decoder instances are shared singletons.
 */
public enum G711Codec implements AudioCodec {
    /** mu-law, RTP/AVP payload type 0. */
    PCMU("PCMU", 0) {
        @Override
        byte encodeSample(int sample) {
            return MuLaw.encode(sample);
        }

        @Override
        short decodeSample(int code) {
            return MuLaw.decode(code);
        }
    },
    /** A-law, RTP/AVP payload type 8. */
    PCMA("PCMA", 8) {
        @Override
        byte encodeSample(int sample) {
            return ALaw.encode(sample);
        }

        @Override
        short decodeSample(int code) {
            return ALaw.decode(code);
        }
    };

    /** G.711 sampling rate and RTP clock rate. */
    public static final int SAMPLE_RATE = 8000;

    private final String encodingName;
    private final int payloadType;
    private final AudioEncoder encoder = new Encoder();
    private final AudioDecoder decoder = new Decoder();

    G711Codec(String encodingName, int payloadType) {
        this.encodingName = encodingName;
        this.payloadType = payloadType;
    }

    abstract byte encodeSample(int sample);

    abstract short decodeSample(int code);

    @Override
    public String encodingName() {
        return encodingName;
    }

    @Override
    public int payloadType() {
        return payloadType;
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int rtpClockRate() {
        return SAMPLE_RATE;
    }

    @Override
    public int encodedLength(int samples) {
        return samples;
    }

    @Override
    public int decodedLength(int encodedBytes) {
        return encodedBytes;
    }

    @Override
    public int sampleGranularity() {
        return 1;
    }

    /** The shared stateless encoder. */
    @Override
    public AudioEncoder newEncoder() {
        return encoder;
    }

    /** The shared stateless decoder. */
    @Override
    public AudioDecoder newDecoder() {
        return decoder;
    }

    private final class Encoder implements AudioEncoder {
        @Override
        public AudioCodec codec() {
            return G711Codec.this;
        }

        @Override
        public int encode(short[] pcm, int pcmOffset, int length, byte[] out, int outOffset) {
            java.util.Objects.checkFromIndexSize(pcmOffset, length, pcm.length);
            java.util.Objects.checkFromIndexSize(outOffset, length, out.length);
            for (int i = 0; i < length; i++) {
                out[outOffset + i] = encodeSample(pcm[pcmOffset + i]);
            }
            return length;
        }

        @Override
        public void reset() {
        }
    }

    private final class Decoder implements AudioDecoder {
        @Override
        public AudioCodec codec() {
            return G711Codec.this;
        }

        @Override
        public int decode(byte[] in, int inOffset, int length, short[] pcm, int pcmOffset) {
            java.util.Objects.checkFromIndexSize(inOffset, length, in.length);
            java.util.Objects.checkFromIndexSize(pcmOffset, length, pcm.length);
            for (int i = 0; i < length; i++) {
                pcm[pcmOffset + i] = decodeSample(in[inOffset + i]);
            }
            return length;
        }

        @Override
        public void reset() {
        }
    }
}
