package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.app.fixtures.DialogApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.VoxplaneSettings;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The app as a user agent against SIPp, the independent peer, through both planes in
 * Weld (UDP, and TCP for plain calls): SIPp's calls to an app that answers end with SIPp's BYE reaching {@code @Bye}; the app's
 * own hangup reaches SIPp as BYE; CANCEL before the answer is 487 and reaches {@code @Cancel};
 * re-INVITE and INFO reach the app inside the dialog; a BYE for no dialog gets 481; and
 * {@code createB2bua} bridges a SIPp uac to a SIPp uas with 0 failed calls, a BYE on either
 * leg ending the other. Scenarios are in {@code src/test/resources/sipp}.
 */
@Timeout(120)
class AppDialogsSippTest {

    private static final int CALLS = 5;

    /** Settings for SIPp runs: UDP and TCP, T1 2 s (SIPp's uas aborts a call when an INVITE retransmission crosses its 200). */
    @ApplicationScoped
    static class SippSettings {
        @Produces
        @Singleton
        VoxplaneSettings settings() {
            return VoxplaneSettings.from(ConfigLookup.of(Map.of(
                    VoxplaneSettings.TRANSPORT_LISTEN, "udp:127.0.0.1:0,tcp:127.0.0.1:0",
                    VoxplaneSettings.EVENT_LOOP_THREADS, "1",
                    VoxplaneSettings.TIMER_T1, "PT2S",
                    VoxplaneSettings.TIMER_T2, "PT4S",
                    VoxplaneSettings.STOP_TIMEOUT, "PT5S")));
        }
    }

    private WeldContainer container;
    private Recorder recorder;
    private String remote;
    private String remoteTcp;

    @BeforeAll
    static void sippInstalled() {
        assumeTrue(Sipp.installed(), "sipp is not installed (apt-get install sip-tester)");
    }

    @BeforeEach
    void start() {
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, LocalBus.class, TaskTrackers.class,
                        TestConcurrencyResources.class, SippSettings.class, AppRequestDispatcher.class,
                        ActiveDialogs.class, DialogApp.class, Recorder.class)
                .initialize();
        int port = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow()
                .getPort();
        remote = "127.0.0.1:" + port;
        remoteTcp = "127.0.0.1:" + container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.TCP).map(ListenPoint::address).findFirst().orElseThrow()
                .getPort();
        recorder = container.select(Recorder.class).get();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private static Path scenario(String name) {
        try {
            return Path.of(AppDialogsSippTest.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sipp.Result run(Sipp sipp, int calls) {
        return sipp.option("-p", Integer.toString(Sipp.freePort())).calls(calls).rate(10)
                .timeout(Duration.ofSeconds(60)).run();
    }

    private static void assertAllSucceeded(int calls, Sipp.Result result) {
        assertEquals(0, result.failedCalls(), result.toString());
        assertEquals(calls, result.successfulCalls(), result.toString());
        assertEquals(0, result.exitCode(), result.toString());
    }

    /** What the app recorded until nothing more comes for a second. */
    private List<String> drain() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (String event = recorder.next(2); event != null; event = recorder.next(1)) {
            seen.add(event);
        }
        return seen;
    }

    private void assertActiveDialogsEmpty() {
        ActiveDialogs active = container.select(ActiveDialogs.class).get();
        assertEquals(0, active.confirmedCount(), "no app dialog left");
        assertEquals(0, active.pendingCount(), "no app INVITE left");
    }

    @Test
    void sippCallsAnsweredByTheAppEndWithSippsByeReachingTheByeHandler() throws Exception {
        Sipp.Result result = run(Sipp.uac(remote).option("-s", "answer").callLength(Duration.ZERO), CALLS);
        assertAllSucceeded(CALLS, result);
        List<String> seen = drain();
        assertEquals(CALLS, seen.stream().filter("BYE answer TERMINATED"::equals).count(), seen.toString());
        assertEquals(CALLS, seen.stream().filter("ACK CONFIRMED"::equals).count(), seen.toString());
        assertActiveDialogsEmpty();
    }

    @Test
    void sippCallsOverTcpAnsweredByTheAppEndWithSippsBye() throws Exception {
        Sipp.Result result = run(Sipp.uac(remoteTcp).transport("t1").option("-s", "answer").callLength(Duration.ZERO),
                CALLS);
        assertAllSucceeded(CALLS, result);
        List<String> seen = drain();
        assertEquals(CALLS, seen.stream().filter("BYE answer TERMINATED"::equals).count(), seen.toString());
        assertActiveDialogsEmpty();
    }

    @Test
    void appHangsUpAndSippAnswersItsBye() throws Exception {
        Sipp.Result result = run(Sipp.scenario(scenario("uac-app-hangs-up.xml"), remote).option("-s", "hangup"), CALLS);
        assertAllSucceeded(CALLS, result);
        assertActiveDialogsEmpty();
    }

    @Test
    void sippCancelBeforeTheAnswerGets487AndReachesTheCancelHandler() throws Exception {
        Sipp.Result result = run(Sipp.scenario(scenario("uac-cancel.xml"), remote).option("-s", "ring"), CALLS);
        assertAllSucceeded(CALLS, result);
        List<String> seen = drain();
        assertEquals(CALLS, seen.stream().filter("CANCEL ring TERMINATED"::equals).count(), seen.toString());
        assertActiveDialogsEmpty();
    }

    @Test
    void sippReInviteAndInfoInsideTheDialogReachTheApp() throws Exception {
        Sipp.Result result = run(Sipp.scenario(scenario("uac-reinvite.xml"), remote).option("-s", "answer"), CALLS);
        assertAllSucceeded(CALLS, result);
        List<String> seen = drain();
        assertEquals(CALLS, seen.stream().filter("re-INVITE CONFIRMED"::equals).count(), seen.toString());
        assertEquals(CALLS, seen.stream().filter("INFO CONFIRMED"::equals).count(), seen.toString());
        assertEquals(CALLS, seen.stream().filter("BYE answer TERMINATED"::equals).count(), seen.toString());
    }

    @Test
    void sippByeForNoDialogGets481() {
        Sipp.Result result = run(Sipp.scenario(scenario("uac-unknown-dialog.xml"), remote).option("-s", "answer"), 1);
        assertAllSucceeded(1, result);
    }

    @Test
    void b2buaBridgesSippUacToSippUasAndTheCallersByeReachesTheCallee() throws Exception {
        int uasPort = Sipp.freePort();
        try (Sipp.Background callee = Sipp.uas(uasPort).calls(CALLS).timeout(Duration.ofSeconds(90))
                .startInBackground()) {
            callee.awaitBound(uasPort, false, Duration.ofSeconds(20));
            Sipp.Result caller = run(Sipp.scenario(scenario("uac-bridge-caller-hangs-up.xml"), remote)
                    .option("-s", "bridge").key("target", "sip:callee@127.0.0.1:" + uasPort), CALLS);
            Sipp.Result calleeResult = callee.awaitOrStop(Duration.ofSeconds(20));
            assertAllSucceeded(CALLS, caller);
            assertEquals(CALLS, calleeResult.successfulCalls(), calleeResult.toString());
            assertEquals(0, calleeResult.failedCalls(), calleeResult.toString());
        }
        List<String> seen = drain();
        assertEquals(CALLS, seen.stream().filter("bridged 200"::equals).count(), seen.toString());
        assertActiveDialogsEmpty();
    }

    @Test
    void b2buaRelaysTheCalleesByeToTheCaller() throws Exception {
        int uasPort = Sipp.freePort();
        try (Sipp.Background callee = Sipp.serverScenario(scenario("uas-hangs-up.xml"), uasPort).calls(CALLS).timeout(Duration.ofSeconds(90))
                .startInBackground()) {
            callee.awaitBound(uasPort, false, Duration.ofSeconds(20));
            Sipp.Result caller = run(Sipp.scenario(scenario("uac-bridge-callee-hangs-up.xml"), remote)
                    .option("-s", "bridge").key("target", "sip:callee@127.0.0.1:" + uasPort), CALLS);
            Sipp.Result calleeResult = callee.awaitOrStop(Duration.ofSeconds(20));
            assertAllSucceeded(CALLS, caller);
            assertEquals(CALLS, calleeResult.successfulCalls(), calleeResult.toString());
            assertEquals(0, calleeResult.failedCalls(), calleeResult.toString());
        }
        assertActiveDialogsEmpty();
        assertTrue(drain().stream().allMatch("bridged 200"::equals));
    }
}
