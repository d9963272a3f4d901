package io.voxplane.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.NoAppRequestDispatcher;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.lifecycle.CallTerminator;
import io.voxplane.runtime.lifecycle.GenerousShutdownSettings;
import io.voxplane.runtime.lifecycle.ShutdownCoordinator;
import io.voxplane.runtime.lifecycle.ShutdownReport;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gauges and the admin reports over running planes: what they count before and after the
 * shutdown, and that the reports serialise to JSON.
 */
@EnableWeld
@Timeout(60)
class AdminAndMetricsTest {

    /** Four calls up until they are ended. */
    @ApplicationScoped
    static class FourCalls implements CallTerminator {

        private volatile int calls = 4;

        @Override
        public int activeCalls() {
            return calls;
        }

        @Override
        public CompletionStage<Void> terminateAll(Duration timeout) {
            calls = 0;
            return CompletableFuture.completedFuture(null);
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(TransportPlane.class, SignalingPlane.class, LocalBus.class,
            TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, NoAppRequestDispatcher.class,
            ShutdownCoordinator.class, VoxplaneMetrics.class, AdminReports.class, FourCalls.class,
            // Generous phase timeouts: after shutdown() the transport's event loop must have ended
            // (threads.live 0), which the COMPLETED phase waits for only within its own timeout.
            GenerousShutdownSettings.class);

    @Inject
    VoxplaneMetrics metrics;

    @Inject
    AdminReports reports;

    @Inject
    ShutdownCoordinator coordinator;

    @Test
    void gaugesCountTasksQueuesTransactionsCallsAndThePhase() {
        Map<String, GaugeSpec> gauges = metrics.gauges().stream()
                .collect(Collectors.toMap(GaugeSpec::id, Function.identity()));

        assertEquals(4, gauges.get("voxplane.calls.active").value().get().intValue());
        assertEquals(0, gauges.get("voxplane.shutdown.phase").value().get().intValue());
        assertEquals(0, gauges.get("voxplane.bus.queue.depth{queue=signaling}").value().get().intValue());
        assertEquals(1, gauges.get("voxplane.threads.live{tracker=transport}").value().get().intValue(),
                "one event loop thread (TestSettings)");
        for (String name : List.of("active", "submitted", "completed", "failed", "cancelled")) {
            for (String tracker : List.of("transport", "signaling", "shared")) {
                assertTrue(gauges.containsKey("voxplane.tasks." + name + "{tracker=" + tracker + "}"), name + tracker);
            }
        }
        assertTrue(gauges.containsKey("voxplane.transactions"));
        assertTrue(gauges.containsKey("voxplane.transactions.pending"));
        assertEquals(0, gauges.get("voxplane.proxy.dialogs").value().get().intValue());
        assertEquals(0L, gauges.get("voxplane.proxy.dialogs.untracked").value().get().longValue());
        assertTrue(gauges.containsKey("voxplane.bus.rejected{queue=transport}"));
        Map<String, List<String>> descriptions = metrics.gauges().stream().collect(Collectors.groupingBy(
                GaugeSpec::name, Collectors.mapping(GaugeSpec::description, Collectors.toList())));
        descriptions.forEach((name, texts) -> assertEquals(1, texts.stream().distinct().count(),
                "one description per name, as MP Metrics requires: " + name));

        coordinator.shutdown("test");

        assertEquals(4, gauges.get("voxplane.shutdown.phase").value().get().intValue(), "COMPLETED");
        assertEquals(0, gauges.get("voxplane.calls.active").value().get().intValue());
        assertEquals(0, gauges.get("voxplane.threads.live{tracker=transport}").value().get().intValue());
        assertTrue(gauges.get("voxplane.tasks.cancelled{tracker=shared}").value().get().longValue() >= 0);
    }

    @Test
    void adminReportsServeTrackersAndTheShutdownReportAsJson() throws Exception {
        assertFalse(reports.shutdownEnabled(), "POST shutdown is off by default");
        assertTrue(reports.shutdownReport().isEmpty());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            String tasks = jsonb.toJson(reports.tasks());
            assertTrue(tasks.contains("\"tracker\":\"transport\""), tasks);
            assertTrue(tasks.contains("\"threads\":[\"voxplane-transport-io-1\"]"), tasks);

            ShutdownReport report = coordinator.shutdown("test");

            assertEquals(report, reports.shutdownReport().orElseThrow());
            String json = jsonb.toJson(reports.shutdownReport().orElseThrow());
            assertTrue(json.contains("\"reason\":\"test\""), json);
            assertTrue(json.contains("\"callsAtStart\":4"), json);
            assertTrue(reports.tasks().stream().allMatch(TrackerReport::closed));
        }
    }
}
