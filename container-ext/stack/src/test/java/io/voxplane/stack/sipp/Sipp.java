package io.voxplane.stack.sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (the Debian {@code sip-tester} package, command {@code sipp}) as the independent SIP
 * peer of a test, with one of its built-in scenarios, and reads its final statistics from the
 * {@code -trace_stat} CSV. Every run is bounded by SIPp's own {@code -timeout} and by a process
 * timeout, so a test never hangs on it.
 */
public final class Sipp {

    /** SIPp's outcome: its exit code (0 = every call succeeded) and its cumulative counters. */
    public record Result(int exitCode, long successfulCalls, long failedCalls, long retransmissions,
                         String output) {
        @Override
        public String toString() {
            return "SIPp exit=" + exitCode + " successful=" + successfulCalls + " failed=" + failedCalls
                    + " retransmissions=" + retransmissions + "\n" + output;
        }
    }

    private final List<String> args = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(30);
    private Path workDir;

    private Sipp(String scenario) {
        this("-sn", scenario);
    }

    private Sipp(String scenarioFlag, String scenario) {
        args.add("sipp");
        args.add(scenarioFlag);
        args.add(scenario);
        args.add("-nostdin");
        args.add("-trace_err");
    }

    /** True when the {@code sipp} command can be run on this machine. */
    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("sipp", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIPp's built-in {@code uac} scenario calling {@code remote} (host:port). */
    public static Sipp uac(String remote) {
        Sipp sipp = new Sipp("uac");
        sipp.args.add(remote);
        return sipp;
    }

    /**
     * A scenario file ({@code -sf}) run against {@code remote} (host:port). SIPp runs in a
     * temporary directory, so {@code xml} and any file passed with {@link #option} must be absolute.
     */
    public static Sipp scenario(Path xml, String remote) {
        Sipp sipp = new Sipp("-sf", xml.toAbsolutePath().toString());
        sipp.args.add(remote);
        return sipp;
    }

    /** A scenario file run as a server (it waits for the first message) on 127.0.0.1:{@code port}. */
    public static Sipp serverScenario(Path xml, int port) {
        Sipp sipp = new Sipp("-sf", xml.toAbsolutePath().toString());
        sipp.args.addAll(List.of("-p", Integer.toString(port)));
        return sipp;
    }

    /** SIPp's built-in {@code uas} scenario listening on 127.0.0.1:{@code port}. */
    public static Sipp uas(int port) {
        Sipp sipp = new Sipp("uas");
        sipp.args.addAll(List.of("-p", Integer.toString(port)));
        return sipp;
    }

    /** Local address to bind and advertise (default 127.0.0.1). */
    public Sipp localIp(String ip) {
        return option("-i", ip);
    }

    /** {@code u1} (UDP, one socket) or {@code t1} (TCP, one connection for all calls). */
    public Sipp transport(String mode) {
        return option("-t", mode);
    }

    /** Number of calls after which SIPp stops. */
    public Sipp calls(int count) {
        return option("-m", Integer.toString(count));
    }

    /** New calls per second. */
    public Sipp rate(int callsPerSecond) {
        return option("-r", Integer.toString(callsPerSecond));
    }

    /** Length of each call's pause between ACK and BYE. */
    public Sipp callLength(Duration length) {
        return option("-d", Long.toString(length.toMillis()));
    }

    /** Bound on the whole run, passed to SIPp's {@code -timeout} and used for the process. */
    public Sipp timeout(Duration bound) {
        this.timeout = bound;
        return this;
    }

    /** A scenario keyword {@code [name]} with {@code value} ({@code -key}). */
    public Sipp key(String name, String value) {
        args.addAll(List.of("-key", name, value));
        return this;
    }

    public Sipp option(String name, String value) {
        args.add(name);
        args.add(value);
        return this;
    }

    /** Runs SIPp to completion (or until the timeout) and returns its statistics. */
    public Result run() {
        try {
            workDir = Files.createTempDirectory("voxplane-sipp");
            Process process = start();
            boolean exited = process.waitFor(timeout.toSeconds() + 15, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return result(process, exited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while SIPp ran", e);
        }
    }

    /** Starts SIPp in the background, for a peer that must outlive the call (e.g. a uas). */
    public Background startInBackground() {
        try {
            workDir = Files.createTempDirectory("voxplane-sipp");
            return new Background(start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process start() throws IOException {
        List<String> command = new ArrayList<>(args);
        if (!command.contains("-i")) {
            command.addAll(List.of("-i", "127.0.0.1"));
        }
        command.addAll(List.of("-timeout", timeout.toSeconds() + "s", "-timeout_error",
                "-trace_stat", "-stf", stats().toString(), "-fd", "1",
                "-error_file", workDir.resolve("errors.log").toString()));
        return new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("output.log").toFile())
                .start();
    }

    private Path stats() {
        return workDir.resolve("stats.csv");
    }

    private Result result(Process process, boolean exited) throws IOException {
        Map<String, String> last = lastStatistics();
        String output = Files.readString(workDir.resolve("output.log"), StandardCharsets.UTF_8);
        Path errors = workDir.resolve("errors.log");
        if (Files.exists(errors)) {
            String text = Files.readString(errors, StandardCharsets.UTF_8);
            output += "\n--- errors.log (first 4000 chars) ---\n" + text.substring(0, Math.min(4000, text.length()));
        }
        return new Result(exited ? process.exitValue() : -1,
                counter(last, "SuccessfulCall(C)"), counter(last, "FailedCall(C)"),
                counter(last, "Retransmissions(C)"), output);
    }

    private Map<String, String> lastStatistics() throws IOException {
        Map<String, String> values = new HashMap<>();
        if (!Files.exists(stats())) {
            return values;
        }
        List<String> lines = Files.readAllLines(stats(), StandardCharsets.ISO_8859_1);
        if (lines.size() < 2) {
            return values;
        }
        String[] names = lines.get(0).split(";");
        String[] cells = lines.get(lines.size() - 1).split(";");
        for (int i = 0; i < Math.min(names.length, cells.length); i++) {
            values.put(names[i], cells[i]);
        }
        return values;
    }

    private static long counter(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? -1 : Long.parseLong(value.trim());
    }

    /** A SIPp process running in the background; {@link #stop()} ends it and returns its counters. */
    public final class Background implements AutoCloseable {
        private final Process process;

        private Background(Process process) {
            this.process = process;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /**
         * Waits, bounded, until SIPp listens on {@code port} (read from /proc/net, so the check
         * neither takes the port nor sends SIPp anything it would count as an unexpected message).
         */
        public void awaitBound(int port, boolean tcp, Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            while (!listening(port, tcp)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("SIPp did not bind port " + port + " within " + bound
                            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
                }
                try {
                    process.waitFor(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        /** Waits (bounded) for SIPp to end by itself, else stops it, and returns its statistics. */
        public Result awaitOrStop(Duration bound) {
            try {
                boolean exited = process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
                if (!exited) {
                    process.destroy();
                    exited = process.waitFor(10, TimeUnit.SECONDS);
                    if (!exited) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
                return result(process, exited);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping SIPp", e);
            }
        }

        public Result stop() {
            return awaitOrStop(Duration.ZERO);
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                stop();
            }
        }
    }

    /** True when a socket on this machine listens on {@code port} (TCP: state LISTEN). */
    static boolean listening(int port, boolean tcp) {
        String hexPort = String.format(":%04X ", port);
        for (String table : tcp ? new String[] {"/proc/net/tcp", "/proc/net/tcp6"}
                                : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 3 && (fields[1] + " ").endsWith(hexPort) && (!tcp || fields[3].equals("0A"))) {
                        return true;
                    }
                }
            } catch (IOException missing) {
                // no such table (e.g. IPv6 disabled): look in the next one
            }
        }
        return false;
    }

    /** A UDP and TCP port on 127.0.0.1 that was free a moment ago (for a SIPp uas). */
    public static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return udp.getLocalPort();
                } catch (IOException busy) {
                    // the UDP side of this port is taken: try another
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free UDP+TCP port on 127.0.0.1");
    }
}
