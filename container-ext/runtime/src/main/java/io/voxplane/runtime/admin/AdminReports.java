package io.voxplane.runtime.admin;

import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.lifecycle.ShutdownCoordinator;
import io.voxplane.runtime.lifecycle.ShutdownPhase;
import io.voxplane.runtime.lifecycle.ShutdownReport;
import io.voxplane.runtime.task.TaskTracker;
import io.voxplane.runtime.task.TaskTrackers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * What the admin endpoint ({@link AdminServlet}) answers, as values JSON-B writes: the task
 * trackers, the shutdown report, and the shutdown itself when the operator enabled it with
 * {@value #SHUTDOWN_ENABLED}.
 */
@ApplicationScoped
public class AdminReports {

    /**
     * Whether {@code POST /voxplane/admin/shutdown} may shut the node's SIP service down. Off by
     * default: the endpoint has no authentication of its own, and SIGTERM or undeploy already
     * run the same phased shutdown.
     */
    public static final String SHUTDOWN_ENABLED = "voxplane.admin.shutdown-enabled";

    @Inject
    TaskTrackers trackers;

    @Inject
    Instance<ShutdownCoordinator> coordinator;

    @Inject
    Instance<Config> config;

    /** Every tracker with its counters, unfinished tasks and live threads. */
    public List<TrackerReport> tasks() {
        List<TrackerReport> reports = new ArrayList<>();
        for (Map.Entry<String, TaskTracker> entry : trackers.all().entrySet()) {
            TaskTracker tracker = entry.getValue();
            reports.add(new TrackerReport(entry.getKey(), tracker.isClosed(), tracker.statistics(),
                    tracker.activeTasks(), tracker.liveThreads()));
        }
        return reports;
    }

    /** The shutdown phase now. */
    public ShutdownPhase phase() {
        return coordinator.isResolvable() ? coordinator.get().phase() : ShutdownPhase.RUNNING;
    }

    /** The report of the shutdown, once it completed. */
    public Optional<ShutdownReport> shutdownReport() {
        return coordinator.isResolvable() ? coordinator.get().report() : Optional.empty();
    }

    /** Whether {@value #SHUTDOWN_ENABLED} is true. */
    public boolean shutdownEnabled() {
        ConfigLookup lookup = key -> config.isResolvable() ? config.get().getOptionalValue(key, String.class)
                : Optional.empty();
        return lookup.get(SHUTDOWN_ENABLED).map(String::trim).map(Boolean::parseBoolean).orElse(false);
    }

    /** Runs the phased shutdown (blocking, bounded by the phase timeouts) and returns its report. */
    public ShutdownReport shutdown(String reason) {
        return coordinator.get().shutdown(reason);
    }
}
