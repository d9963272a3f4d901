package io.voxplane.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With a drain window, DRAINING waits for calls to end by themselves and ends as soon as they
 * did: the terminator then finds nothing to end.
 */
@EnableWeld
@Timeout(60)
class DrainWindowTest {

    /** A drain window far longer than the test. */
    @ApplicationScoped
    static class LongDrainWindow {

        @Produces
        @Singleton
        ShutdownSettings settings() {
            return ShutdownSettings.from(ConfigLookup.of(Map.of(
                    ShutdownSettings.DRAIN_WINDOW, "PT50S",
                    ShutdownSettings.INITIATED_TIMEOUT, "PT10S",
                    ShutdownSettings.DRAINING_TIMEOUT, "PT10S",
                    ShutdownSettings.TERMINATING_TIMEOUT, "PT10S",
                    ShutdownSettings.COMPLETED_TIMEOUT, "PT10S")));
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(TransportPlane.class, SignalingPlane.class, LocalBus.class,
            TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, NoAppRequestDispatcher.class,
            ShutdownCoordinator.class, FakeCallTerminator.class, LongDrainWindow.class);

    @Inject
    ShutdownCoordinator coordinator;

    @Inject
    FakeCallTerminator calls;

    @Test
    void drainingEndsWhenTheCallsEndedByThemselves() throws Exception {
        calls.hold(3);
        CompletableFuture<ShutdownReport> shutdown = CompletableFuture.supplyAsync(() -> coordinator.shutdown("test"));
        Await.until(() -> coordinator.phase() == ShutdownPhase.DRAINING, Duration.ofSeconds(10), "DRAINING");
        assertFalse(shutdown.isDone(), "calls are up: DRAINING waits");

        calls.endByThemselves();
        ShutdownReport report = shutdown.get(30, TimeUnit.SECONDS);

        assertEquals(3, report.callsAtStart());
        assertEquals(0, calls.callsWhenTerminated(), "nothing left to end in TERMINATING");
        assertFalse(report.phases().get(1).forced(), report.summary());
        assertTrue(report.clean(), report.summary());
    }
}
