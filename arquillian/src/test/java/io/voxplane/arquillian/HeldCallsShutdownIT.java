package io.voxplane.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.arquillian.holdapp.HeldCalls;
import io.voxplane.arquillian.holdapp.HeldCallsServlet;
import io.voxplane.arquillian.holdapp.HoldCallsApplication;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Phased shutdown of a node holding calls (issue 5), in one real Payara Micro 7 JVM: SIPp places
 * calls to a test app that answers every INVITE 200 with SDP and never hangs up
 * ({@link HoldCallsApplication}); once the app holds them all (ACK received, read through
 * {@link HeldCallsServlet}), the node is shut down, and every SIPp call must receive the node's
 * BYE and answer it (scenario {@code hold-call-uac.xml}: SIPp's exit code 0 and N successful calls).
 *
 * <p>The shutdown is triggered by undeploying the WAR ({@code PayaraMicroRuntime.undeploy}, see
 * {@link MicroHostProcess}) and, last, by SIGTERM to the Payara Micro process. After undeploy the
 * test asserts the phases of the coordinator's {@value ShutdownLogLine#CODE} report (INITIATED,
 * DRAINING, TERMINATING, COMPLETED, none forced), every call counted at its start and none left,
 * no leaks; then no Voxplane thread and a free SIP port ({@link NodeLeftovers}), and that the WAR
 * deploys again in the same JVM. After SIGTERM it asserts the BYEs, the JVM's exit and the free
 * port only: Payara Micro's shutdown hook closes its log handlers before it undeploys the WAR, so
 * the report line is not in the log. It never asserts a duration: the node's own measure of the
 * shutdown is printed ({@code measured: ...}) and appended to {@code target/shutdown-timings.txt}.
 *
 * <p>One case deploys the PBX WAR itself instead: two registered SIPp phones hold a call the PBX
 * only proxies, and its undeploy must send a BYE to both.
 *
 * <p>The test WAR is the hold app's three classes plus the runtime jars of the PBX WAR
 * ({@code WEB-INF/lib}), built with ShrinkWrap. The tests are skipped (assumption) when that
 * runtime has no phased shutdown coordinator yet.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeldCallsShutdownIT {

    private static final int SIP_PORT = Integer.getInteger("voxplane.it.shutdown.sip.port", 25070);
    private static final int HTTP_PORT = Integer.getInteger("voxplane.it.shutdown.http.port", 28070);
    private static final String APP = "hold-calls";
    private static final String CONTEXT_ROOT = "/hold";
    /** The runtime class that runs the phases; its absence means the runtime predates issue 5. */
    private static final String COORDINATOR = "io/voxplane/runtime/lifecycle/ShutdownCoordinator.class";
    private static final List<String> PHASES = List.of("INITIATED", "DRAINING", "TERMINATING", "COMPLETED");

    /**
     * How long SIPp may still wait for BYEs once the shutdown returned: the node sends them all in
     * TERMINATING, before undeploy returns; this only covers SIPp's own processing on a busy box.
     */
    private static final Duration BYE_WAIT = Duration.ofSeconds(30);

    /**
     * Every shutdown phase's timeout for the node (system properties of the Payara JVM, so the
     * hold WAR and the PBX WAR both get them). The defaults (250 ms, 250 ms, 1 s, 500 ms) are
     * production budgets: on a loaded 2-core CI box a phase took 40 % of its budget (COMPLETED 205
     * of 500 ms), so asserting "none forced" with them asserted a duration. Ten seconds each keep
     * the assertion about behaviour (every plane confirms every phase) and still bound a SIGTERM
     * shutdown well within {@code terminate}'s 60 s.
     */
    private static final String PHASE_TIMEOUT = "PT10S";

    private static MicroHostProcess payara;
    private static Path holdWar;
    private static Path pbxWar;

    @BeforeAll
    static void bootPayaraMicroWithTheHoldApp() throws IOException {
        Path pbxWar = Path.of(System.getProperty("voxplane.pbx.war", "../sip-apps/pbx/target/voxplane-pbx.war"));
        assumeTrue(hasShutdownCoordinator(pbxWar), "the runtime in " + pbxWar + " has no " + COORDINATOR
                + " (phased shutdown, issue 5): nothing to test yet");
        holdWar = holdCallsWar(pbxWar);
        HeldCallsShutdownIT.pbxWar = pbxWar;
        Path microJar = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        payara = MicroHostProcess.boot(microJar, Map.of(
                "voxplane.host.http.port", Integer.toString(HTTP_PORT),
                "voxplane.sip.host", "127.0.0.1",
                "voxplane.sip.port", Integer.toString(SIP_PORT),
                // the PBX case (its users and digest algorithm, as PbxDeploymentIT)
                "voxplane.pbx.users", "alice:secret1,bob:secret2",
                "voxplane.auth.algorithms", "MD5",
                "voxplane.shutdown.initiated-timeout", PHASE_TIMEOUT,
                "voxplane.shutdown.draining-timeout", PHASE_TIMEOUT,
                "voxplane.shutdown.terminating-timeout", PHASE_TIMEOUT,
                "voxplane.shutdown.completed-timeout", PHASE_TIMEOUT));
    }

    @AfterAll
    static void stopPayaraMicro() {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    @Order(1)
    void undeployEndsFiveHeldCallsWithByeInOrderedPhases() throws Exception {
        payara.deploy(APP, CONTEXT_ROOT, holdWar);
        ShutdownLogLine report = holdCallsThenShutDown(5, "undeploy", true, () -> payara.undeploy(APP)).orElseThrow();
        assertTrue(report.reason().contains("undeploy"), report.line());
        NodeLeftovers.assertNothingLeft(payara, SIP_PORT, "after undeploy with 5 held calls");
    }

    @Test
    @Order(2)
    void undeployEndsTwoHundredHeldCallsWithByeLeavesNothingAndTheAppDeploysAgain() throws Exception {
        payara.deploy(APP, CONTEXT_ROOT, holdWar);
        holdCallsThenShutDown(200, "undeploy", true, () -> payara.undeploy(APP));
        NodeLeftovers.assertNothingLeft(payara, SIP_PORT, "after undeploy with 200 held calls");

        payara.deploy(APP, CONTEXT_ROOT, holdWar);
        SippScenario options = SippScenario.of(SippScenario.workDir(), "options-uac.xml", SIP_PORT, "u1", 20)
                .with("-m", "1");
        assertEquals(0, options.run(), "OPTIONS answered after redeploy; SIPp traces " + options.traces());
        payara.undeploy(APP);
        NodeLeftovers.assertNothingLeft(payara, SIP_PORT, "after the redeployed app's undeploy");
    }

    /**
     * A call the PBX only proxies: bob's phone (SIPp uas) and alice's (SIPp uac) register, alice
     * calls bob through the PBX (407, INVITE with credentials, record-routed), and both hold the
     * call. Undeploying the PBX must end it with a BYE to each phone (the proxy core's tracked
     * dialog, {@code ProxiedCallTerminator}): both SIPp exit 0, the report counts 1 call at start
     * and 0 left.
     */
    @Test
    @Order(3)
    void undeployOfThePbxEndsACallItProxiedWithAByeToBothPhones() throws Exception {
        payara.deploy("pbx", "/pbx", pbxWar);
        Path dir = SippScenario.workDir();
        int bobPort = SippScenario.freePort();
        Path bobUsers = dir.resolve("bob.csv");
        Files.writeString(bobUsers, "SEQUENTIAL\nbob;secret2;[authentication username=bob password=secret2];"
                + bobPort + "\n");
        Path aliceUsers = dir.resolve("alice.csv");
        Files.writeString(aliceUsers, "SEQUENTIAL\nalice;secret1;[authentication username=alice password=secret1];"
                + SippScenario.freePort() + "\n");
        Path callUsers = dir.resolve("call.csv");
        Files.writeString(callUsers, "SEQUENTIAL\nalice;secret1;[authentication username=alice password=secret1];bob\n");

        SippScenario bobPhone = SippScenario.onPort(dir, "pbx-held-call-uas.xml", SIP_PORT, "u1", bobPort, 120)
                .with("-m", "1");
        Process bob = bobPhone.start();
        Process alice = null;
        try {
            SippScenario register = SippScenario.of(dir, "pbx-register.xml", SIP_PORT, "u1", 30)
                    .with("-m", "1", "-inf", bobUsers.toString());
            assertEquals(0, register.run(), "bob registers; SIPp traces " + register.traces());
            register = SippScenario.of(dir, "pbx-register.xml", SIP_PORT, "u1", 30)
                    .with("-m", "1", "-inf", aliceUsers.toString());
            assertEquals(0, register.run(), "alice registers; SIPp traces " + register.traces());
            // the digest uri must be the Request-URI (RFC 3261 s22.4), as in PbxDeploymentIT
            SippScenario aliceCall = SippScenario.of(dir, "pbx-held-call-uac.xml", SIP_PORT, "u1", 120)
                    .with("-m", "1", "-inf", callUsers.toString(), "-auth_uri", "bob@127.0.0.1");
            alice = aliceCall.start();
            awaitAck(bob, bobPhone);
            long mark = payara.logMark();

            payara.undeploy("pbx");

            List<String> lines = payara.logLinesSince(mark, ShutdownLogLine.CODE + " shutdown");
            assertEquals(1, lines.size(), "one shutdown report after the PBX's undeploy: " + lines + "; log "
                    + payara.log());
            ShutdownLogLine line = ShutdownLogLine.parse(lines.get(0));
            record("undeploy PBX, 1 proxied call", line.measured());
            assertEquals(1, line.callsAtStart(), "the proxied call was counted: " + line.line());
            assertEquals(PHASES, line.phases(), line.line());
            assertEquals(List.of(), line.forcedPhases(), line.line());
            assertEquals(0, line.callsLeft(), line.line());
            assertEquals(0, aliceCall.await(alice, BYE_WAIT.toSeconds()), "alice's phone got the PBX's BYE and"
                    + " answered it; SIPp traces " + aliceCall.traces());
            assertEquals(0, bobPhone.await(bob, BYE_WAIT.toSeconds()), "bob's phone got the PBX's BYE and answered"
                    + " it; SIPp traces " + bobPhone.traces());
        } finally {
            bob.destroyForcibly();
            if (alice != null) {
                alice.destroyForcibly();
            }
        }
        NodeLeftovers.assertNothingLeft(payara, SIP_PORT, "after the PBX's undeploy with a proxied call");
    }

    /** Waits (bounded) until bob's phone has the call's ACK in its message trace: the call is up at both ends. */
    private static void awaitAck(Process bob, SippScenario bobPhone) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (Files.exists(bobPhone.messages())) {
                try (var lines = Files.lines(bobPhone.messages(), StandardCharsets.ISO_8859_1)) {
                    if (lines.anyMatch(l -> l.trim().startsWith("ACK sip:"))) {
                        return;
                    }
                }
            }
            if (System.nanoTime() - deadline > 0 || bob.waitFor(20, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("bob's phone has no ACK (call not up); SIPp traces " + bobPhone.traces()
                        + "; Payara log " + payara.log());
            }
        }
    }

    /** Last: it ends the Payara Micro JVM. */
    @Test
    @Order(4)
    void sigtermToPayaraMicroEndsFiveHeldCallsWithBye() throws Exception {
        payara.deploy(APP, CONTEXT_ROOT, holdWar);
        holdCallsThenShutDown(5, "SIGTERM", false, () -> assertTrue(payara.terminate(60, TimeUnit.SECONDS),
                "Payara Micro ended within 60 s of SIGTERM; log " + payara.log()));
        NodeLeftovers.assertPortFree(SIP_PORT, "after SIGTERM");
    }

    /**
     * Places {@code calls} held calls with SIPp, waits until the app holds them all, runs
     * {@code shutdown}, and checks that the node reported the four phases with every call ended
     * (when {@code reportLogged}) and that SIPp got a BYE for every call. Prints and records the
     * node's measure.
     */
    private static Optional<ShutdownLogLine> holdCallsThenShutDown(int calls, String trigger, boolean reportLogged,
            ShutdownAction shutdown) throws Exception {
        SippScenario held = SippScenario.of(SippScenario.workDir(), "hold-call-uac.xml", SIP_PORT, "u1", 180)
                .with("-m", Integer.toString(calls), "-l", Integer.toString(calls), "-r", "50", "-rp", "1000");
        Process sipp = held.start();
        try {
            int holding = heldCalls(calls);
            assertEquals(calls, holding, "the app holds every SIPp call before the shutdown; SIPp traces "
                    + held.traces() + "; Payara log " + payara.log());
            long mark = payara.logMark();

            shutdown.run();

            Optional<ShutdownLogLine> report = Optional.empty();
            List<String> lines = payara.logLinesSince(mark, ShutdownLogLine.CODE + " shutdown");
            if (reportLogged) {
                assertEquals(1, lines.size(), "one shutdown report in the Payara log after " + trigger + ": " + lines
                        + "; log " + payara.log());
            }
            if (!lines.isEmpty()) {
                ShutdownLogLine line = ShutdownLogLine.parse(lines.get(0));
                record(trigger, line.measured());
                assertEquals(calls, line.callsAtStart(), "the shutdown counted every held call (none counted: no"
                        + " CallTerminator knows the app's dialogs): " + line.line());
                assertEquals(PHASES, line.phases(), line.line());
                assertEquals(List.of(), line.forcedPhases(), "no phase hit its timeout: " + line.line());
                assertEquals(0, line.callsLeft(), "every call ended: " + line.line());
                assertTrue(line.noLeaks(), line.line());
                report = Optional.of(line);
            } else {
                record(trigger, "no " + ShutdownLogLine.CODE + " line in Payara's log (its log handlers are closed"
                        + " by then)");
            }
            if (!sipp.waitFor(BYE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("SIPp still waits for BYEs " + BYE_WAIT.toSeconds() + " s after the shutdown"
                        + " (" + trigger + "): " + byesReceived(held) + " of " + calls + " received; SIPp traces "
                        + held.traces());
            }
            assertEquals(0, sipp.exitValue(), "SIPp received a BYE for each of its " + calls
                    + " calls and answered it (exit code 0); " + byesReceived(held) + " received; SIPp traces "
                    + held.traces());
            return report;
        } finally {
            sipp.destroyForcibly();
        }
    }

    /** How many BYEs SIPp's message trace shows. */
    private static long byesReceived(SippScenario held) throws IOException {
        try (var files = Files.list(held.dir())) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().endsWith("-messages.log")) {
                    try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
                        return lines.filter(line -> line.trim().startsWith("BYE sip:")).count();
                    }
                }
            }
        }
        return 0;
    }

    /** Asks the app (long poll, bounded) until {@code calls} are held; the count it reached. */
    private static int heldCalls(int calls) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + HTTP_PORT + CONTEXT_ROOT + "/held?calls=" + calls
                + "&waitMillis=60000");
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 504) {
                throw new AssertionError(uri + " answered " + response.statusCode() + "; Payara log " + payara.log());
            }
            return Integer.parseInt(response.body().trim());
        }
    }

    private static void record(String trigger, String what) throws IOException {
        String measured = "measured (" + trigger + "): " + what;
        System.out.println(measured);
        Path timings = Path.of(System.getProperty("java.io.tmpdir")).getParent().resolve("shutdown-timings.txt");
        Files.writeString(timings, measured + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static boolean hasShutdownCoordinator(Path pbxWar) throws IOException {
        WebArchive pbx = ShrinkWrap.create(ZipImporter.class, "pbx.war").importFrom(pbxWar.toFile()).as(WebArchive.class);
        for (Map.Entry<ArchivePath, Node> entry : pbx.getContent().entrySet()) {
            String path = entry.getKey().get();
            if (path.startsWith("/WEB-INF/lib/voxplane-runtime") && path.endsWith(".jar")) {
                Path jar = Files.createTempFile("voxplane-runtime", ".jar");
                try {
                    try (var in = entry.getValue().getAsset().openStream()) {
                        Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        return zip.getEntry(COORDINATOR) != null;
                    }
                } finally {
                    Files.deleteIfExists(jar);
                }
            }
        }
        return false;
    }

    /** The hold app's classes with the PBX WAR's beans.xml and runtime jars. */
    private static Path holdCallsWar(Path pbxWar) throws IOException {
        WebArchive pbx = ShrinkWrap.create(ZipImporter.class, "pbx.war").importFrom(pbxWar.toFile()).as(WebArchive.class);
        WebArchive hold = ShrinkWrap.create(WebArchive.class, APP + ".war")
                .addClasses(HoldCallsApplication.class, HeldCalls.class, HeldCallsServlet.class);
        pbx.getContent().forEach((path, node) -> {
            String name = path.get();
            if ((name.startsWith("/WEB-INF/lib/") && name.endsWith(".jar")) || name.equals("/WEB-INF/beans.xml")) {
                hold.add(node.getAsset(), path);
            }
        });
        Path war = Path.of(System.getProperty("java.io.tmpdir")).resolve(APP + ".war");
        hold.as(ZipExporter.class).exportTo(new File(war.toString()), true);
        return war;
    }

    /** A way to shut the node down. */
    @FunctionalInterface
    private interface ShutdownAction {
        void run() throws Exception;
    }
}
