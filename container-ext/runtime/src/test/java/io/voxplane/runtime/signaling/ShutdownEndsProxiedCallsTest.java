package io.voxplane.runtime.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.runtime.Await;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.app.ActiveDialogs;
import io.voxplane.runtime.app.AppCallTerminator;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.app.fixtures.EchoApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.ShutdownSettings;
import io.voxplane.runtime.config.VoxplaneSettings;
import io.voxplane.runtime.lifecycle.ShutdownCoordinator;
import io.voxplane.runtime.lifecycle.ShutdownReport;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.stack.proxy.StatefulProxy;
import io.voxplane.stack.sipp.Sipp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls the node only proxies (the echo app forwards each INVITE, record-routed, to a SIPp
 * callee: {@code uac-proxied-held-until-bye.xml} to {@code uas-held-until-bye.xml}, neither ever
 * hangs up) are counted by {@link ProxiedCallTerminator} and ended at both ends when the node
 * shuts down: both SIPp instances get a BYE for every call. The phase timeouts are generous (as in
 * ShutdownWithSippCallsTest): "clean" must mean every plane confirmed every phase, not that 40 BYEs
 * were answered within the production TERMINATING budget of 1 s (459 ms of it on one core shared
 * with two busy loops).
 */
@Timeout(180)
class ShutdownEndsProxiedCallsTest {

    private static final int CALLS = 20;
    private static final int NODE_PORT = Sipp.freePort();

    /** UDP on a fixed free port (the proxy's Record-Route names it), T1 2 s as the other SIPp shutdown test. */
    @ApplicationScoped
    static class SippSettings {

        @Produces
        @Singleton
        VoxplaneSettings settings() {
            return VoxplaneSettings.from(ConfigLookup.of(Map.of(
                    VoxplaneSettings.TRANSPORT_LISTEN, "udp:127.0.0.1:" + NODE_PORT,
                    VoxplaneSettings.EVENT_LOOP_THREADS, "1",
                    VoxplaneSettings.TIMER_T1, "PT2S",
                    VoxplaneSettings.TIMER_T2, "PT4S",
                    VoxplaneSettings.STOP_TIMEOUT, "PT5S")));
        }

        /** Phase timeouts far above what the phases need: a loaded machine only makes it slower. */
        @Produces
        @Singleton
        ShutdownSettings shutdown() {
            return ShutdownSettings.from(ConfigLookup.of(Map.of(
                    ShutdownSettings.INITIATED_TIMEOUT, "PT10S",
                    ShutdownSettings.DRAINING_TIMEOUT, "PT10S",
                    ShutdownSettings.TERMINATING_TIMEOUT, "PT30S",
                    ShutdownSettings.COMPLETED_TIMEOUT, "PT10S")));
        }
    }

    private WeldContainer container;

    @BeforeAll
    static void sippInstalled() {
        assumeTrue(Sipp.installed(), "sipp is not installed (apt-get install sip-tester)");
    }

    @BeforeEach
    void start() {
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, LocalBus.class, TaskTrackers.class,
                        TestConcurrencyResources.class, SippSettings.class, AppRequestDispatcher.class,
                        ActiveDialogs.class, AppCallTerminator.class, ProxiedCallTerminator.class,
                        ShutdownCoordinator.class, EchoApp.class, Recorder.class)
                .initialize();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void everyProxiedCallGetsAByeAtBothEndsAndNothingIsLeft() throws Exception {
        ProxiedCallTerminator proxied = container.select(ProxiedCallTerminator.class).get();
        AppCallTerminator apps = container.select(AppCallTerminator.class).get();
        int calleePort = Sipp.freePort();
        try (Sipp.Background callee = Sipp.serverScenario(scenario("uas-held-until-bye.xml"), calleePort)
                .calls(CALLS).timeout(Duration.ofSeconds(120)).startInBackground()) {
            callee.awaitBound(calleePort, false, Duration.ofSeconds(20));
            try (Sipp.Background caller = Sipp.scenario(scenario("uac-proxied-held-until-bye.xml"),
                            "127.0.0.1:" + NODE_PORT)
                    .key("target", "sip:bob@127.0.0.1:" + calleePort)
                    .option("-p", Integer.toString(Sipp.freePort()))
                    .calls(CALLS).rate(100).timeout(Duration.ofSeconds(120)).startInBackground()) {
                StatefulProxy proxy = container.select(SignalingPlane.class).get().proxy().orElseThrow();
                // up means ACKed: SIPp's callee takes a BYE that overtakes the ACK as unexpected
                Await.until(() -> proxied.activeCalls() == CALLS && proxy.acksForwarded() == CALLS,
                        Duration.ofSeconds(90), CALLS + " proxied calls up and ACKed");
                assertEquals(0, apps.activeCalls(), "the app answered none itself");

                ShutdownReport report = container.select(ShutdownCoordinator.class).get().shutdown("proxied calls");

                Sipp.Result callerResult = caller.awaitOrStop(Duration.ofSeconds(60));
                Sipp.Result calleeResult = callee.awaitOrStop(Duration.ofSeconds(60));
                assertEquals(CALLS, callerResult.successfulCalls(), callerResult + " / " + report.summary());
                assertEquals(0, callerResult.failedCalls(), callerResult.toString());
                assertEquals(CALLS, calleeResult.successfulCalls(), calleeResult + " / " + report.summary());
                assertEquals(0, calleeResult.failedCalls(), calleeResult.toString());
                assertEquals(CALLS, report.callsAtStart(), report.summary());
                assertEquals(0, report.callsLeft(), report.summary());
                assertTrue(report.clean(), report.summary());
                assertEquals(0, proxied.activeCalls());
                container.select(TaskTrackers.class).get().assertNoLeaks(Duration.ofSeconds(5));
            }
        }
    }

    private static Path scenario(String name) {
        try {
            return Path.of(ShutdownEndsProxiedCallsTest.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
