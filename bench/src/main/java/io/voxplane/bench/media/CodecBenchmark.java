package io.voxplane.bench.media;

import io.voxplane.media.codec.AudioCodec;
import io.voxplane.media.codec.AudioDecoder;
import io.voxplane.media.codec.AudioEncoder;
import io.voxplane.media.codec.G711Codec;
import io.voxplane.media.codec.G722Codec;
import io.voxplane.media.codec.SpeechLikeSignal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Codec speed on the same input as the C reference ({@code shared/bench/codecs/speed.c}): 60 s of
 * the deterministic speech-like signal ({@link SpeechLikeSignal}, a port of {@code siggen.h}),
 * processed in 20 ms frames, codec state restarted at each 60 s pass.
 *
 * <p>Score: ns per 20 ms frame. Times real time = 20,000,000 ns / score (the C program's
 * {@code xrt}); for example 11,700 ns/frame is 1,709x. Run:
 * {@code java -jar bench/target/benchmarks.jar CodecBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CodecBenchmark {

    private static final int SECONDS = 60;

    @Param({"PCMU", "PCMA", "G722"})
    public String codec;

    private AudioCodec audioCodec;
    private AudioEncoder encoder;
    private AudioDecoder decoder;
    private short[] pcm;
    private byte[] bitstream;
    private short[] decoded;
    private final byte[] frame = new byte[320];
    private int frameSamples;
    private int frameBytes;
    private int frames;
    private int encodeFrame;
    private int decodeFrame;

    @Setup(Level.Trial)
    public void setUp() {
        audioCodec = switch (codec) {
            case "PCMU" -> G711Codec.PCMU;
            case "PCMA" -> G711Codec.PCMA;
            case "G722" -> G722Codec.INSTANCE;
            default -> throw new IllegalArgumentException(codec);
        };
        int rate = audioCodec.sampleRate();
        pcm = SpeechLikeSignal.generate(rate, SECONDS * rate);
        frameSamples = audioCodec.samplesPerFrame(20);
        frameBytes = audioCodec.encodedLength(frameSamples);
        frames = pcm.length / frameSamples;
        encoder = audioCodec.newEncoder();
        decoder = audioCodec.newDecoder();
        bitstream = new byte[frames * frameBytes];
        for (int f = 0; f < frames; f++) {
            encoder.encode(pcm, f * frameSamples, frameSamples, bitstream, f * frameBytes);
        }
        encoder.reset();
        decoded = new short[frameSamples];
    }

    /** Encodes the next 20 ms frame; returns a byte so the work is not eliminated. */
    @Benchmark
    public byte encode20ms() {
        if (encodeFrame == frames) {
            encodeFrame = 0;
            encoder.reset();
        }
        int f = encodeFrame++;
        encoder.encode(pcm, f * frameSamples, frameSamples, frame, 0);
        return frame[frameBytes - 1];
    }

    /** Decodes the next 20 ms frame. */
    @Benchmark
    public short decode20ms() {
        if (decodeFrame == frames) {
            decodeFrame = 0;
            decoder.reset();
        }
        int f = decodeFrame++;
        decoder.decode(bitstream, f * frameBytes, frameBytes, decoded, 0);
        return decoded[frameSamples - 1];
    }
}
