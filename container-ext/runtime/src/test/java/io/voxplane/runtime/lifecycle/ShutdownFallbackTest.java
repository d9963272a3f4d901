package io.voxplane.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.NoAppRequestDispatcher;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.ShutdownSettings;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plane that never confirms a phase does not hang the shutdown: the phase is forced at its
 * timeout, the plane's tasks are cancelled, the later phases still run and the report says what
 * happened.
 */
@EnableWeld
@Timeout(60)
class ShutdownFallbackTest {

    /** Where the report line goes besides the log (surefire runs in the module's folder). */
    static final Path REPORT_FILE = Path.of("target", "shutdown-fallback-report.txt");

    /** TERMINATING bounded at 300 ms, the other phases generous; the report also to a file. */
    @ApplicationScoped
    static class ShortTerminating {

        @Produces
        @Singleton
        ShutdownSettings settings() {
            return ShutdownSettings.from(ConfigLookup.of(Map.of(
                    ShutdownSettings.INITIATED_TIMEOUT, "PT10S",
                    ShutdownSettings.DRAINING_TIMEOUT, "PT10S",
                    ShutdownSettings.TERMINATING_TIMEOUT, "PT0.3S",
                    ShutdownSettings.COMPLETED_TIMEOUT, "PT10S",
                    ShutdownSettings.REPORT_FILE, REPORT_FILE.toString())));
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(TransportPlane.class, SignalingPlane.class, LocalBus.class,
            TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, NoAppRequestDispatcher.class,
            ShutdownCoordinator.class, SilentMediaPlane.class, ShortTerminating.class);

    @Inject
    ShutdownCoordinator coordinator;

    @Inject
    SilentMediaPlane media;

    @Inject
    TransportPlane transport;

    @Inject
    TaskTrackers trackers;

    @Test
    void aPlaneThatNeverConfirmsIsForcedAndTheShutdownStillCompletes() throws Exception {
        Files.deleteIfExists(REPORT_FILE);

        ShutdownReport report = coordinator.shutdown("test");

        PhaseReport terminating = report.phases().get(2);
        assertEquals(ShutdownPhase.TERMINATING, terminating.phase());
        assertTrue(terminating.forced(), report.summary());
        assertEquals(List.of("media"), terminating.unconfirmed());
        assertTrue(terminating.confirmedBy().contains("signaling"), report.summary());
        assertTrue(terminating.left().contains("media: 1 tasks cancelled by force"), report.summary());
        assertTrue(media.housekeeping().isCancelled());
        for (PhaseReport phase : List.of(report.phases().get(0), report.phases().get(1), report.phases().get(3))) {
            assertFalse(phase.forced(), phase.phase() + ": " + report.summary());
        }
        assertEquals(List.of("media", "signaling", "transport"),
                report.phases().get(3).confirmedBy().stream().sorted().toList());
        assertFalse(report.clean());
        assertEquals(PlaneState.STOPPED, transport.state());
        trackers.assertNoLeaks(Duration.ofSeconds(5));
        assertEquals(ShutdownCoordinator.REPORT + " " + report.summary(), Files.readString(REPORT_FILE).strip());
    }
}
