package io.voxplane.bench.media;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link CodecBenchmark} and prints its scores in the C reference's units, one line per
 * codec and direction ({@code codec=g722-encode xrt=1729}), so the two can be set side by side.
 * JMH options may be passed as usual, for a smoke run:
 * {@code java -cp bench/target/benchmarks.jar io.voxplane.bench.media.CodecRealtimeReport -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
public final class CodecRealtimeReport {

    private static final double FRAME_NANOS = 20_000_000.0;

    private CodecRealtimeReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options cli = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(cli).include(CodecBenchmark.class.getName()).build();
        Collection<RunResult> results = new Runner(options).run();
        for (RunResult r : results) {
            String codec = r.getParams().getParam("codec").toLowerCase(Locale.ROOT);
            String name = switch (codec) {
                case "pcmu" -> "g711u";
                case "pcma" -> "g711a";
                default -> codec;
            };
            String method = r.getParams().getBenchmark();
            String op = method.endsWith("encode20ms") ? "encode" : "decode";
            double nanos = r.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "codec=%s-%s xrt=%.0f%n", name, op, FRAME_NANOS / nanos);
            System.out.printf(Locale.ROOT, "#   %s-%s: %.1f ns per 20 ms frame%n", name, op, nanos);
        }
    }
}
