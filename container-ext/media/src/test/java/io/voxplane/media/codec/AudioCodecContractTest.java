package io.voxplane.media.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link AudioCodec} promises, run for each supported codec. */
class AudioCodecContractTest {

    static Stream<AudioCodec> codecs() {
        return AudioCodecs.all().stream();
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void twentyMillisecondsAdvanceTheTimestampBy160(AudioCodec codec) {
        int samples = codec.samplesPerFrame(20);
        assertEquals(codec.sampleRate() / 50, samples);
        assertEquals(160, codec.rtpTimestampIncrement(samples));
        assertEquals(160, codec.encodedLength(samples));
        assertEquals(samples, codec.decodedLength(160));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void isFoundByPayloadTypeAndRtpmap(AudioCodec codec) {
        assertSame(codec, AudioCodecs.byPayloadType(codec.payloadType()).orElseThrow());
        assertSame(codec, AudioCodecs.byRtpmap(codec.encodingName().toLowerCase(), codec.rtpClockRate()).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void roundTripKeepsSpeechRecognisable(AudioCodec codec) {
        short[] pcm = SpeechLikeSignal.generate(codec.sampleRate(), codec.sampleRate());
        AudioEncoder enc = codec.newEncoder();
        AudioDecoder dec = codec.newDecoder();
        byte[] bits = new byte[codec.encodedLength(pcm.length)];
        short[] out = new short[pcm.length];
        int frame = codec.samplesPerFrame(20);
        for (int i = 0; i < pcm.length; i += frame) {
            int n = enc.encode(pcm, i, frame, bits, codec.encodedLength(i));
            assertEquals(codec.encodedLength(frame), n);
            assertEquals(frame, dec.decode(bits, codec.encodedLength(i), n, out, i));
        }
        // G.722 delays by the two QMFs (22 samples); search the best alignment
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag <= 30; lag++) {
            best = Math.max(best, snrDb(pcm, out, lag));
        }
        assertTrue(best > 15, codec + " SNR " + best);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void rangesOutsideTheArraysAreRejected(AudioCodec codec) {
        AudioEncoder enc = codec.newEncoder();
        assertThrows(IndexOutOfBoundsException.class, () -> enc.encode(new short[10], 4, 8, new byte[10], 0));
        AudioDecoder dec = codec.newDecoder();
        assertThrows(IndexOutOfBoundsException.class, () -> dec.decode(new byte[10], 0, 10, new short[4], 0));
    }

    private static double snrDb(short[] ref, short[] out, int lag) {
        double sig = 0;
        double err = 0;
        for (int i = 0; i + lag < out.length; i++) {
            double d = out[i + lag] - ref[i];
            sig += (double) ref[i] * ref[i];
            err += d * d;
        }
        return 10 * Math.log10(sig / Math.max(err, 1));
    }
}
