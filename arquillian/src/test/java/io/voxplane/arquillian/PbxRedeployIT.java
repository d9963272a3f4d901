package io.voxplane.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Undeploy and redeploy of the real PBX WAR inside ONE running Payara Micro 7 JVM.
 *
 * <p>The Arquillian payara-micro-managed container cannot do this: its {@code undeploy} stops the
 * Payara Micro process. So this test starts Payara Micro itself through {@link MicroHostProcess}:
 * a JVM that boots Payara Micro with its public API ({@code PayaraMicro.getInstance().bootStrap()},
 * clustering off) and deploys and undeploys on command with {@code PayaraMicroRuntime.deploy} and
 * {@code PayaraMicroRuntime.undeploy}, the same deployment machinery as {@code --deploy}. The thread
 * names come from that JVM ({@code Thread.getAllStackTraces()}); the sockets from the kernel
 * ({@code /proc/net}) and from binding the SIP port here.
 *
 * <p>What it proves, in order: the deployed WAR answers OPTIONS over UDP and TCP; undeploy stops
 * every Voxplane thread (the {@code voxplane-*} Netty event loops, any thread of Netty's default
 * names, and any thread of the container's default {@code ManagedThreadFactory}) and frees the SIP
 * port for UDP and TCP; the same WAR deployed again in the same JVM answers OPTIONS and registers a
 * SIPp user with digest authentication; a second undeploy is as clean as the first.
 *
 * <p>SIP listens on 127.0.0.1 at the port failsafe reserved ({@code voxplane.it.redeploy.sip.port}).
 * One Payara Micro start (about 10-20 s) and two deployments of the PBX; on a failure, the
 * Payara Micro log named in the message has the server's side (look for SEVERE).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PbxRedeployIT {

    private static final int SIP_PORT = Integer.getInteger("voxplane.it.redeploy.sip.port", 25060);
    private static final String APP = "voxplane-pbx";

    /**
     * Thread names a Voxplane deployment may start: its planes' Netty event loops
     * ({@code voxplane-<plane>-<prefix>-<n>}, see TaskTracker.threadFactory), Netty's own default
     * names should anything escape the tracker's factory, and the container factory's unrenamed ones.
     */
    private static final List<String> VOXPLANE_THREAD_PREFIXES = List.of("voxplane-", "globalEventExecutor",
            "multiThreadIoEventLoopGroup", "epollEventLoopGroup", "nioEventLoopGroup", "ioUringEventLoopGroup",
            "concurrent/__defaultManagedThreadFactory");

    /**
     * Payara's (Tomcat's) warning, at undeploy, that a thread outside the WAR still holds a
     * thread-local value of one of the WAR's classes: that thread keeps the WAR's class loader alive.
     */
    private static final String THREAD_LOCAL_LEAK = "failed to remove it when the web application was stopped";

    /**
     * How long a Voxplane thread may take to end once undeploy has returned. Netty completes an
     * event loop's termination future a moment before its thread exits; on a loaded 2-core box that
     * moment can be tens of milliseconds.
     */
    private static final Duration THREAD_END = Duration.ofSeconds(5);

    private static MicroHostProcess payara;
    private static Path war;

    @BeforeAll
    static void bootPayaraMicro() throws IOException {
        war = Path.of(System.getProperty("voxplane.pbx.war", "../sip-apps/pbx/target/voxplane-pbx.war"));
        Path microJar = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        payara = MicroHostProcess.boot(microJar, Map.of(
                "voxplane.host.http.port", System.getProperty("voxplane.it.redeploy.http.port", "0"),
                "voxplane.sip.host", "127.0.0.1",
                "voxplane.sip.port", Integer.toString(SIP_PORT),
                "voxplane.pbx.users", "alice:secret1,bob:secret2",
                "voxplane.auth.algorithms", "MD5"));
    }

    @AfterAll
    static void stopPayaraMicro() {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void undeployStopsEveryVoxplaneThreadAndFreesThePortsAndTheSameJvmDeploysThePbxAgain() throws Exception {
        assertEquals(List.of(), voxplaneThreads(), "no Voxplane thread before the first deploy");

        payara.deploy(APP, "/", war);
        assertOptionsAnswered("first deployment");
        assertFalse(voxplaneThreads().isEmpty(), "the deployed planes run on threads named voxplane-*");

        payara.undeploy(APP);
        assertNothingLeft("after the first undeploy");

        payara.deploy(APP, "/", war);
        assertOptionsAnswered("redeployment in the same JVM");
        assertRegisterWithDigest("redeployment in the same JVM");

        payara.undeploy(APP);
        assertNothingLeft("after the second undeploy");
    }

    private static List<String> voxplaneThreads() {
        return payara.threadNames().stream()
                .filter(name -> VOXPLANE_THREAD_PREFIXES.stream().anyMatch(name::startsWith))
                .sorted()
                .toList();
    }

    private static void assertOptionsAnswered(String when) throws Exception {
        Path dir = SippScenario.workDir();
        for (String transport : List.of("u1", "t1")) {
            SippScenario options = SippScenario.of(dir, "options-uac.xml", SIP_PORT, transport, 20).with("-m", "1");
            assertEquals(0, options.run(), "OPTIONS over " + transport + " gets 200, " + when + "; SIPp traces "
                    + options.traces() + "; Payara log " + payara.log());
        }
    }

    private static void assertRegisterWithDigest(String when) throws Exception {
        Path dir = SippScenario.workDir();
        Path users = dir.resolve("alice.csv");
        Files.writeString(users, "SEQUENTIAL\nalice;secret1;[authentication username=alice password=secret1];"
                + SippScenario.freePort() + "\n");
        SippScenario register = SippScenario.of(dir, "pbx-register.xml", SIP_PORT, "u1", 30)
                .with("-m", "1", "-inf", users.toString());
        assertEquals(0, register.run(), "alice registers with digest (REGISTER/401/REGISTER/200), " + when
                + "; SIPp traces " + register.traces() + "; Payara log " + payara.log());
    }

    /** No Voxplane thread in the Payara JVM, nothing on the SIP port, and the port binds here for UDP and TCP. */
    private static void assertNothingLeft(String when) throws IOException {
        assertEquals(List.of(), payara.awaitThreadsEnded(THREAD_END, VOXPLANE_THREAD_PREFIXES),
                "Voxplane threads alive in Payara Micro " + when + "; Payara log " + payara.log());
        assertEquals(List.of(), payara.logLinesContaining(THREAD_LOCAL_LEAK), "Payara found thread-locals of the"
                + " undeployed WAR on its own threads (they pin the WAR's class loader) " + when);
        assertEquals(List.of(), ProcNetSockets.holding(SIP_PORT), "sockets still on SIP port " + SIP_PORT + " " + when);
        InetSocketAddress sip = new InetSocketAddress(InetAddress.getLoopbackAddress(), SIP_PORT);
        try (DatagramSocket udp = new DatagramSocket(sip)) {
            assertTrue(udp.isBound(), "UDP " + sip + " is free " + when);
        }
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(sip);
            assertTrue(tcp.isBound(), "TCP " + sip + " is free " + when);
        }
    }
}
