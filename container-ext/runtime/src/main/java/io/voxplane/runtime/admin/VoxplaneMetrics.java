package io.voxplane.runtime.admin;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.PlanePriorities;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.bus.BusQueueStatistics;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.lifecycle.CallTerminator;
import io.voxplane.runtime.lifecycle.ShutdownCoordinator;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskStatistics;
import io.voxplane.runtime.task.TaskTracker;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.stack.proxy.ProxiedDialogs;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes Voxplane's counters as MicroProfile Metrics gauges in the application registry
 * (Payara: {@code /metrics?scope=application}); docs/operations.md lists them:
 * <ul>
 * <li>{@code voxplane.tasks.active|submitted|completed|failed|cancelled} and
 * {@code voxplane.threads.live}, tagged {@code tracker} (transport, signaling, shared);</li>
 * <li>{@code voxplane.bus.queue.depth} and {@code voxplane.bus.rejected}, tagged {@code queue};</li>
 * <li>{@code voxplane.transactions} (live) and {@code voxplane.transactions.pending} (non-INVITE
 * without a final response);</li>
 * <li>{@code voxplane.calls.active} (every {@link CallTerminator});</li>
 * <li>{@code voxplane.proxy.dialogs} (record-routed dialogs tracked now) and
 * {@code voxplane.proxy.dialogs.untracked} (calls past {@code voxplane.proxy.max-dialogs} since start);</li>
 * <li>{@code voxplane.shutdown.phase} (the {@link io.voxplane.runtime.lifecycle.ShutdownPhase} ordinal,
 * 0 while running).</li>
 * </ul>
 * Registered once the planes run and removed when the application stops, so that a redeploy
 * registers them afresh. Without a metrics implementation (tests, a container without MP
 * Metrics) nothing is registered and {@link #gauges()} still says what would be.
 */
@ApplicationScoped
public class VoxplaneMetrics {

    private static final System.Logger LOG = System.getLogger(VoxplaneMetrics.class.getName());

    /** Trackers that always exist once the planes run. */
    private static final List<String> TRACKERS = List.of(Plane.TRANSPORT.label(), Plane.SIGNALING.label(),
            TaskTrackers.SHARED);

    @Inject
    TaskTrackers trackers;

    @Inject
    Bus bus;

    @Inject
    Instance<SignalingPlane> signaling;

    @Inject
    Instance<CallTerminator> terminators;

    @Inject
    Instance<ShutdownCoordinator> coordinator;

    @Inject
    Instance<MetricRegistry> registries;

    /** One description per name: the registry refuses a name registered again with another. */
    private static final String QUEUE_DEPTH = "events in flight in the bus queue (bounded by voxplane.bus.max-in-flight)";

    private static final String QUEUE_REJECTED = "events the bus queue refused because it was full (answered 503)";

    private final List<MetricID> registered = new ArrayList<>();

    void onStartup(@Observes @Priority(PlanePriorities.TRANSPORT_START + 100) @Initialized(ApplicationScoped.class)
            Object event) {
        register();
    }

    /** Registers {@link #gauges()} in the application registry, if there is one. Idempotent. */
    public synchronized void register() {
        if (!registered.isEmpty() || !registries.isResolvable()) {
            return;
        }
        MetricRegistry registry = registries.get();
        for (GaugeSpec gauge : gauges()) {
            Tag[] tags = gauge.tags().entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue()))
                    .toArray(Tag[]::new);
            Metadata metadata = Metadata.builder().withName(gauge.name()).withDescription(gauge.description()).build();
            try {
                registry.gauge(metadata, gauge.value(), tags);
                registered.add(new MetricID(gauge.name(), tags));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "VXRT-301 cannot register gauge " + gauge.id() + ": " + e.getMessage());
            }
        }
        LOG.log(Level.DEBUG, () -> "registered " + registered.size() + " Voxplane gauges");
    }

    @PreDestroy
    synchronized void unregister() {
        if (registered.isEmpty() || !registries.isResolvable()) {
            return;
        }
        MetricRegistry registry = registries.get();
        for (MetricID id : registered) {
            registry.remove(id);
        }
        registered.clear();
    }

    /** Every gauge Voxplane publishes, with the function read at each scrape. */
    public List<GaugeSpec> gauges() {
        List<GaugeSpec> gauges = new ArrayList<>();
        for (String tracker : TRACKERS) {
            Map<String, String> tag = Map.of("tracker", tracker);
            gauges.add(task("voxplane.tasks.active", tag, "tasks queued, scheduled or running", tracker,
                    TaskStatistics::active));
            gauges.add(task("voxplane.tasks.submitted", tag, "tasks accepted since start", tracker,
                    TaskStatistics::submitted));
            gauges.add(task("voxplane.tasks.completed", tag, "tasks that ran to the end since start", tracker,
                    TaskStatistics::completed));
            gauges.add(task("voxplane.tasks.failed", tag, "tasks that threw or were refused since start", tracker,
                    TaskStatistics::failed));
            gauges.add(task("voxplane.tasks.cancelled", tag, "tasks cancelled since start", tracker,
                    TaskStatistics::cancelled));
            gauges.add(task("voxplane.threads.live", tag, "live threads made by the tracker", tracker,
                    TaskStatistics::liveThreads));
        }
        for (Plane plane : List.of(Plane.TRANSPORT, Plane.SIGNALING)) {
            Map<String, String> tag = Map.of("queue", plane.label());
            gauges.add(queue("voxplane.bus.queue.depth", tag, QUEUE_DEPTH, () -> bus.statistics(plane),
                    BusQueueStatistics::inFlight));
            gauges.add(queue("voxplane.bus.rejected", tag, QUEUE_REJECTED, () -> bus.statistics(plane),
                    BusQueueStatistics::rejected));
        }
        if (bus instanceof LocalBus local) {
            Map<String, String> tag = Map.of("queue", "broadcast");
            gauges.add(queue("voxplane.bus.queue.depth", tag, QUEUE_DEPTH, local::broadcastStatistics,
                    BusQueueStatistics::inFlight));
            gauges.add(queue("voxplane.bus.rejected", tag, QUEUE_REJECTED, local::broadcastStatistics,
                    BusQueueStatistics::rejected));
        }
        gauges.add(new GaugeSpec("voxplane.transactions", Map.of(), "live SIP transactions (client and server)",
                () -> signaling.isResolvable() ? signaling.get().transactionCount() : 0));
        gauges.add(new GaugeSpec("voxplane.transactions.pending", Map.of(),
                "non-INVITE transactions still waiting for their final response",
                () -> signaling.isResolvable() ? signaling.get().pendingTransactionCount() : 0));
        gauges.add(new GaugeSpec("voxplane.calls.active", Map.of(), "calls up or being set up", this::activeCalls));
        gauges.add(new GaugeSpec("voxplane.proxy.dialogs", Map.of(),
                "record-routed dialogs the proxy core tracks (ended with BYE both ways at shutdown)",
                () -> proxiedDialogs(ProxiedDialogs::size)));
        gauges.add(new GaugeSpec("voxplane.proxy.dialogs.untracked", Map.of(),
                "proxied calls not tracked since start because voxplane.proxy.max-dialogs were",
                () -> proxiedDialogs(ProxiedDialogs::untrackedOverLimit)));
        gauges.add(new GaugeSpec("voxplane.shutdown.phase", Map.of(),
                "shutdown phase: 0 running, 1 initiated, 2 draining, 3 terminating, 4 completed",
                () -> coordinator.isResolvable() ? coordinator.get().phase().ordinal() : 0));
        return gauges;
    }

    private Number proxiedDialogs(Function<ProxiedDialogs, Number> field) {
        if (!signaling.isResolvable()) {
            return 0;
        }
        return signaling.get().proxy().map(proxy -> field.apply(proxy.dialogs())).orElse(0);
    }

    private int activeCalls() {
        int calls = 0;
        for (CallTerminator terminator : terminators) {
            calls += terminator.activeCalls();
        }
        return calls;
    }

    private GaugeSpec task(String name, Map<String, String> tags, String description, String tracker,
            ToLongFunction<TaskStatistics> field) {
        return new GaugeSpec(name, tags, description, () -> {
            TaskTracker found = trackers.all().get(tracker);
            return found == null ? 0L : field.applyAsLong(found.statistics());
        });
    }

    private static GaugeSpec queue(String name, Map<String, String> tags, String description,
            java.util.function.Supplier<BusQueueStatistics> statistics, Function<BusQueueStatistics, Number> field) {
        return new GaugeSpec(name, tags, description, () -> field.apply(statistics.get()));
    }
}
