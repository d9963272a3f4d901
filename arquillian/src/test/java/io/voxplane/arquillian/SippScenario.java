package io.voxplane.arquillian;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One SIPp run of a scenario from the test resources against a SIP server on 127.0.0.1, bounded
 * by SIPp's {@code -timeout} and a process timeout. SIPp's output, error and message traces go to
 * files in {@link #dir()}, named in every failure message.
 */
final class SippScenario {

    private final Path dir;
    private final String logName;
    private final List<String> command = new ArrayList<>();

    private SippScenario(Path dir, String resource, int serverPort, String transport, int localPort,
            long timeoutSeconds) throws IOException {
        this.dir = dir;
        this.logName = resource.replace(".xml", "") + "-" + transport + "-" + System.nanoTime();
        Path scenario = dir.resolve(resource);
        try (InputStream in = SippScenario.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("no test resource " + resource);
            }
            Files.copy(in, scenario, StandardCopyOption.REPLACE_EXISTING);
        }
        command.addAll(List.of("sipp", "127.0.0.1:" + serverPort, "-sf", scenario.toString(), "-t", transport,
                "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-nostdin",
                "-timeout", timeoutSeconds + "s", "-timeout_error",
                "-trace_err", "-error_file", dir.resolve(logName + "-errors.log").toString(),
                "-trace_msg", "-message_file", dir.resolve(logName + "-messages.log").toString()));
    }

    /**
     * A run of {@code resource} against 127.0.0.1:{@code serverPort}; SIPp's own port is free and
     * its whole run is bounded by {@code timeoutSeconds}.
     */
    static SippScenario of(Path dir, String resource, int serverPort, String transport, long timeoutSeconds)
            throws IOException {
        return new SippScenario(dir, resource, serverPort, transport, freePort(), timeoutSeconds);
    }

    /** As {@link #of}, with SIPp on {@code localPort} (a phone whose registered Contact names that port). */
    static SippScenario onPort(Path dir, String resource, int serverPort, String transport, int localPort,
            long timeoutSeconds) throws IOException {
        return new SippScenario(dir, resource, serverPort, transport, localPort, timeoutSeconds);
    }

    /** A fresh folder for scenario copies and SIPp's traces, under {@code java.io.tmpdir}. */
    static Path workDir() throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, "voxplane-sipp");
    }

    /** Adds SIPp options ({@code -m 5}, {@code -inf users.csv} ...). */
    SippScenario with(String... options) {
        command.addAll(List.of(options));
        return this;
    }

    Path dir() {
        return dir;
    }

    /** Starts SIPp in the background. */
    Process start() throws IOException {
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName + ".out").toFile()).start();
    }

    /** Runs SIPp to its end; its exit code (0: every call succeeded). */
    int run() throws IOException, InterruptedException {
        return await(start(), 120);
    }

    /** Waits for a started SIPp; its exit code. Kills it and fails if it runs past {@code seconds}. */
    int await(Process sipp, long seconds) throws InterruptedException {
        if (!sipp.waitFor(seconds, TimeUnit.SECONDS)) {
            sipp.destroyForcibly();
            throw new AssertionError("SIPp did not finish within " + seconds + " s; traces in " + dir);
        }
        return sipp.exitValue();
    }

    /** SIPp's message trace ({@code -trace_msg}): every message sent and received. */
    Path messages() {
        return dir.resolve(logName + "-messages.log");
    }

    /** Where to look when a run failed. */
    String traces() {
        return dir.resolve(logName + ".*").toString();
    }

    static int freePort() {
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return tcp.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
