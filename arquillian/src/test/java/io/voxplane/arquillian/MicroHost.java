package io.voxplane.arquillian;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro 7 JVM that deploys and undeploys on command, so a test can undeploy a WAR and
 * deploy it again in the same JVM (the Arquillian payara-micro-managed container cannot: its
 * {@code undeploy} stops the whole Payara Micro process).
 *
 * <p>Boots Payara Micro through its public API ({@code PayaraMicro.getInstance().bootStrap()},
 * the documented way to embed it) with clustering off and the HTTP port chosen by
 * {@code -Dvoxplane.host.http.port} (or auto-bound), then reads commands, one a line, from stdin
 * and answers each on the JVM's original stdout with lines starting {@value #REPLY}:
 * <ul>
 *   <li>{@code deploy <name> <context-root> <file>}: {@code PayaraMicroRuntime.deploy}; {@code ok}, or
 *       {@code failed} unless the application is then listed as deployed</li>
 *   <li>{@code undeploy <name>}: {@code PayaraMicroRuntime.undeploy}; {@code ok}, or {@code failed} if it is still listed</li>
 *   <li>{@code apps}: the deployed application names</li>
 *   <li>{@code threads}: one {@code thread <name>} line per live platform thread, then {@code end}</li>
 *   <li>{@code await-end <millis> <prefix,prefix...>}: waits up to that long (joining them) for the
 *       threads whose names start with a prefix to end; one {@code alive <name>} line per thread
 *       still alive, then {@code end}</li>
 *   <li>{@code shutdown}: {@code PayaraMicroRuntime.shutdown()}, {@code ok}, and the JVM exits</li>
 * </ul>
 * Payara Micro's own log goes to stderr. SIGTERM ends it like {@code java -jar payara-micro.jar}:
 * Payara's shutdown hook stops the deployments.
 *
 * <p>Started by {@link MicroHostProcess}; test code only.
 */
public final class MicroHost {

    /** Prefix of every answer line, so answers are told apart from anything else on stdout. */
    public static final String REPLY = "vxhost> ";

    private MicroHost() {
    }

    public static void main(String[] args) throws Exception {
        // Payara redirects System.out into its log; answers go to the real stdout.
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        bootProperties();
        PayaraMicro micro = PayaraMicro.getInstance().setNoCluster(true);
        // As `java -jar payara-micro.jar` does: Payara's services (JACC's PolicyFactory among them)
        // are found through the context class loader, which must be Payara's launcher loader.
        micro.setThreadBootstrapLoader();
        int httpPort = Integer.getInteger("voxplane.host.http.port", 0);
        if (httpPort > 0) {
            micro.setHttpPort(httpPort);
        } else {
            micro.setHttpAutoBind(true);
        }
        PayaraMicroRuntime runtime;
        try {
            runtime = micro.bootStrap();
        } catch (BootstrapException e) {
            replies.println(REPLY + "boot-failed " + e);
            System.exit(2);
            return;
        }
        replies.println(REPLY + "booted");
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            List<String> words = List.of(line.trim().split("\\s+", 4));
            try {
                if (!answer(runtime, words, replies)) {
                    return;
                }
            } catch (RuntimeException | BootstrapException e) {
                replies.println(REPLY + "failed " + e);
            }
        }
    }

    /** Joins the threads named with one of {@code prefixes} within {@code millis} in all; those still alive. */
    private static List<String> awaitEnd(long millis, List<String> prefixes) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<String> alive = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (prefixes.stream().noneMatch(thread.getName()::startsWith)) {
                continue;
            }
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                if (remaining > 0) {
                    thread.join(remaining);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        return alive;
    }

    /**
     * The system properties {@code java -jar payara-micro.jar} sets from the jar's
     * {@code MICRO-INF/payara-boot.properties} before it boots (JACC's policy factory among them:
     * without it every deployment fails with "Error in generating security policy").
     */
    private static void bootProperties() throws IOException {
        Properties boot = new Properties();
        try (InputStream in = MicroHost.class.getClassLoader().getResourceAsStream("MICRO-INF/payara-boot.properties")) {
            if (in == null) {
                throw new IOException("MICRO-INF/payara-boot.properties is not on the class path: is payara-micro.jar?");
            }
            boot.load(in);
        }
        boot.stringPropertyNames().forEach(key -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, boot.getProperty(key));
            }
        });
    }

    /** Runs one command; false when the host is to end. */
    private static boolean answer(PayaraMicroRuntime runtime, List<String> words, PrintStream replies)
            throws BootstrapException {
        switch (words.get(0)) {
            case "deploy" -> {
                // deploy() answers true even when the deployment failed (logged SEVERE): check the list.
                boolean deployed = runtime.deploy(words.get(1), words.get(2), new File(words.get(3)))
                        && runtime.getDeployedApplicationNames().contains(words.get(1));
                replies.println(REPLY + (deployed ? "ok" : "failed not deployed, see SEVERE in the log"));
            }
            case "undeploy" -> {
                runtime.undeploy(words.get(1));
                boolean gone = !runtime.getDeployedApplicationNames().contains(words.get(1));
                replies.println(REPLY + (gone ? "ok" : "failed still deployed"));
            }
            case "apps" -> replies.println(REPLY + "apps " + String.join(",", runtime.getDeployedApplicationNames()));
            case "threads" -> {
                for (Thread thread : Thread.getAllStackTraces().keySet()) {
                    replies.println(REPLY + "thread " + thread.getName());
                }
                replies.println(REPLY + "end");
            }
            case "await-end" -> {
                for (String name : awaitEnd(Long.parseLong(words.get(1)), List.of(words.get(2).split(",")))) {
                    replies.println(REPLY + "alive " + name);
                }
                replies.println(REPLY + "end");
            }
            case "shutdown" -> {
                runtime.shutdown();
                replies.println(REPLY + "ok");
                System.exit(0);
                return false;
            }
            default -> replies.println(REPLY + "failed unknown command " + words.get(0));
        }
        return true;
    }
}
