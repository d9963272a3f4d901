package io.voxplane.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(List.of(), NodeLeftovers.voxplaneThreads(payara), "no Voxplane thread before the first deploy");

        payara.deploy(APP, "/", war);
        assertOptionsAnswered("first deployment");
        assertFalse(NodeLeftovers.voxplaneThreads(payara).isEmpty(), "the deployed planes run on threads named voxplane-*");

        payara.undeploy(APP);
        NodeLeftovers.assertNothingLeft(payara, SIP_PORT, "after the first undeploy");

        payara.deploy(APP, "/", war);
        assertOptionsAnswered("redeployment in the same JVM");
        assertRegisterWithDigest("redeployment in the same JVM");

        payara.undeploy(APP);
        NodeLeftovers.assertNothingLeft(payara, SIP_PORT, "after the second undeploy");
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
}
