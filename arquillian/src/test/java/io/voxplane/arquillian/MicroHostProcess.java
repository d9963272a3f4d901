package io.voxplane.arquillian;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The test's side of a {@link MicroHost}: starts Payara Micro 7 in its own JVM (the JDK running
 * the tests, {@code --enable-native-access=ALL-UNNAMED} as in bin/pbx, the jar's own
 * {@code Add-Opens}/{@code Add-Exports} manifest entries as options, since the jar is on the class
 * path rather than run with {@code -jar}) and sends it commands with bounded waits.
 *
 * <p>Payara Micro's log goes to {@link #log()}; on a failure, look there for {@code SEVERE}. The
 * JVM's temporary folder (Payara unpacks its runtime there) is a fresh folder under
 * {@code java.io.tmpdir} that {@link #close()} deletes.
 */
final class MicroHostProcess implements AutoCloseable {

    /** Booting Payara Micro takes 8-20 s on a busy 2-core machine. */
    private static final long BOOT_SECONDS = 180;
    /** Deploying the PBX WAR takes a few seconds; undeploy less. */
    private static final long COMMAND_SECONDS = 120;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path tmp;
    private final Path log;

    private MicroHostProcess(Process process, Path tmp, Path log) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        this.tmp = tmp;
        this.log = log;
        Thread reader = new Thread(this::readReplies, "micro-host-replies-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Boots Payara Micro with {@code systemProperties} (e.g. the Voxplane SIP address) and waits
     * until it is up.
     */
    static MicroHostProcess boot(Path microJar, Map<String, String> systemProperties) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(base);
        Path tmp = Files.createTempDirectory(base, "voxplane-micro-host");
        Path log = base.resolve(tmp.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(moduleOptions(microJar));
        command.add("-Djava.io.tmpdir=" + tmp);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(microJar + java.io.File.pathSeparator + hostClasses(tmp));
        command.add(MicroHost.class.getName());
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        MicroHostProcess host = new MicroHostProcess(process, tmp, log);
        String booted = host.await(BOOT_SECONDS);
        if (!booted.equals("booted")) {
            host.close();
            throw new IllegalStateException("Payara Micro did not boot: " + booted + "; log " + log);
        }
        return host;
    }

    /** Deploys {@code war} as {@code name} at {@code contextRoot}; fails the test if Payara refuses. */
    void deploy(String name, String contextRoot, Path war) {
        expectOk("deploy " + name + " " + contextRoot + " " + war.toAbsolutePath());
    }

    /** Undeploys {@code name}; returns when Payara no longer lists it. */
    void undeploy(String name) {
        expectOk("undeploy " + name);
    }

    /** The names of the live platform threads of the Payara Micro JVM. */
    List<String> threadNames() {
        send("threads");
        List<String> names = new ArrayList<>();
        while (true) {
            String reply = await(COMMAND_SECONDS);
            if (reply.equals("end")) {
                return names;
            }
            if (!reply.startsWith("thread ")) {
                throw new IllegalStateException("unexpected answer to threads: " + reply + "; log " + log);
            }
            names.add(reply.substring("thread ".length()));
        }
    }

    /**
     * Waits up to {@code timeout} for the threads whose names start with one of {@code prefixes} to
     * end (joining them inside the Payara JVM); the names of those still alive.
     */
    List<String> awaitThreadsEnded(Duration timeout, List<String> prefixes) {
        send("await-end " + timeout.toMillis() + " " + String.join(",", prefixes));
        List<String> alive = new ArrayList<>();
        while (true) {
            String reply = await(COMMAND_SECONDS);
            if (reply.equals("end")) {
                return alive;
            }
            if (!reply.startsWith("alive ")) {
                throw new IllegalStateException("unexpected answer to await-end: " + reply + "; log " + log);
            }
            alive.add(reply.substring("alive ".length()));
        }
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Where Payara Micro's log ends now: give it to {@link #logLinesSince} to read what comes after. */
    long logMark() throws IOException {
        return Files.size(log);
    }

    /** Lines of Payara Micro's log written after {@code mark} that contain {@code text}. */
    List<String> logLinesSince(long mark, String text) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String after = new String(all, (int) Math.min(mark, all.length), (int) Math.max(0, all.length - mark),
                StandardCharsets.UTF_8);
        return after.lines().filter(line -> line.contains(text)).toList();
    }

    /** Lines of Payara Micro's log so far that contain {@code text}. */
    List<String> logLinesContaining(String text) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    /** Sends SIGTERM, as an orchestrator stopping the node does; true if the JVM ended within the bound. */
    boolean terminate(long timeout, TimeUnit unit) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout, unit);
    }

    /** Shuts Payara Micro down through its API (SIGKILL if it hangs) and deletes its temporary folder. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    send("shutdown");
                } catch (UncheckedIOException gone) {
                    // the JVM is already ending
                }
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(tmp);
        }
    }

    private void expectOk(String command) {
        send(command);
        String reply = await(COMMAND_SECONDS);
        if (!reply.equals("ok")) {
            throw new AssertionError(command + ": " + reply + "; Payara Micro log (look for SEVERE): " + log);
        }
    }

    private void send(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Payara Micro host is gone; log " + log, e);
        }
    }

    private String await(long seconds) {
        try {
            String reply = replies.poll(seconds, TimeUnit.SECONDS);
            if (reply == null) {
                throw new AssertionError("no answer from Payara Micro within " + seconds + " s"
                        + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + "; log " + log);
            }
            return reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void readReplies() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(MicroHost.REPLY)) {
                    replies.add(line.substring(MicroHost.REPLY.length()));
                }
            }
        } catch (IOException e) {
            // the process ended; await() reports it
        }
    }

    /** The jar's Add-Opens and Add-Exports, which {@code java -jar payara-micro.jar} would apply. */
    private static List<String> moduleOptions(Path microJar) throws IOException {
        List<String> options = new ArrayList<>();
        try (JarFile jar = new JarFile(microJar.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            for (String kind : List.of("Add-Opens", "Add-Exports")) {
                String value = main.getValue(kind);
                if (value == null) {
                    continue;
                }
                for (String target : value.trim().split("\\s+")) {
                    options.add("--" + kind.toLowerCase() + "=" + target + "=ALL-UNNAMED");
                }
            }
        }
        return options;
    }

    /**
     * A class folder with {@link MicroHost} alone, under {@code tmp}. Not the whole test-classes
     * folder: the JVM's class path is the parent of every deployment's class loader, so a test app
     * class found there would load outside its WAR, where Payara's APIs (servlet ...) are not visible.
     */
    private static Path hostClasses(Path tmp) throws IOException {
        Path compiled;
        try {
            compiled = Path.of(MicroHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String packagePath = MicroHost.class.getPackageName().replace('.', '/');
        Path classes = tmp.resolve("host-classes");
        Path target = Files.createDirectories(classes.resolve(packagePath));
        try (Stream<Path> files = Files.list(compiled.resolve(packagePath))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals(MicroHost.class.getSimpleName() + ".class")
                        || name.startsWith(MicroHost.class.getSimpleName() + "$")) {
                    Files.copy(file, target.resolve(name));
                }
            }
        }
        return classes;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: target/ is removed by `clean` anyway
        }
    }
}
