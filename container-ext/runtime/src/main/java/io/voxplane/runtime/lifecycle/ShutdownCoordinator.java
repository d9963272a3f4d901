package io.voxplane.runtime.lifecycle;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.PlanePriorities;
import io.voxplane.runtime.config.ShutdownSettings;
import io.voxplane.runtime.task.TaskPriority;
import io.voxplane.runtime.task.TaskTracker;
import io.voxplane.runtime.task.TaskTrackers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes the node through the {@link ShutdownPhase}s (docs/operations.md), on undeploy and on
 * SIGTERM (Payara Micro undeploys its applications from its shutdown hook; both end in
 * {@code @BeforeDestroyed(ApplicationScoped.class)}, observed here before the planes' own stop
 * observers) or when called directly ({@link #shutdown(String)}: tests, the admin endpoint).
 *
 * <p>Each phase: the coordinator fires {@link ShutdownPhaseStarted} asynchronously (each observer
 * in its own task on the shared tracker, so one slow plane does not hold the others up) and waits
 * for a {@link PhaseConfirmed} from every plane that announced itself with {@link PlaneStarted}.
 * A phase whose planes do not all confirm within its timeout ({@link ShutdownSettings}) is
 * forced: logged with {@value #PHASE_FORCED} and what was left, and in TERMINATING and COMPLETED
 * the unconfirmed planes' tasks are cancelled (interrupting running ones). INITIATED also
 * withdraws the node from discovery ({@link DiscoveryRegistration}).
 *
 * <p>The outcome is a {@link ShutdownReport}, logged as one line ({@value #REPORT}) and kept for
 * {@link #report()}. Shutdown runs once; later calls wait for and return the same report.
 */
@ApplicationScoped
public class ShutdownCoordinator {

    private static final System.Logger LOG = System.getLogger(ShutdownCoordinator.class.getName());

    /** Code of the one log line with the shutdown report. */
    public static final String REPORT = "VXRT-200";

    /** Code of a phase ended by its timeout rather than by every plane's confirmation. */
    public static final String PHASE_FORCED = "VXRT-201";

    /** Code of a discovery provider that failed to withdraw the node. */
    public static final String DISCOVERY_FAILED = "VXRT-202";

    /** Code of a report file ({@code voxplane.shutdown.report-file}) that could not be written. */
    public static final String REPORT_FILE_FAILED = "VXRT-206";

    /** Code of tasks or threads still alive when the shutdown completed. */
    public static final String LEAKED = "VXRT-203";

    /** Weld's option that notifies each asynchronous observer in its own task (other containers ignore it). */
    static final String WELD_ASYNC_MODE = "weld.async.notification.mode";

    @Inject
    Event<ShutdownPhaseStarted> phaseEvents;

    @Inject
    TaskTrackers trackers;

    @Inject
    ShutdownSettings settings;

    @Inject
    Instance<DiscoveryRegistration> discovery;

    @Inject
    Instance<CallTerminator> terminators;

    private final Set<Plane> running = ConcurrentHashMap.newKeySet();
    private final AtomicReference<CompletableFuture<ShutdownReport>> outcome = new AtomicReference<>();
    private final Map<Plane, CompletableFuture<List<String>>> awaited = new ConcurrentHashMap<>();
    private final List<Plane> confirmedOrder = new CopyOnWriteArrayList<>();
    private volatile ShutdownPhase phase = ShutdownPhase.RUNNING;

    void onPlaneStarted(@Observes PlaneStarted started) {
        running.add(started.plane());
    }

    synchronized void onPhaseConfirmed(@Observes PhaseConfirmed confirmed) {
        if (confirmed.phase() != phase) {
            return;
        }
        CompletableFuture<List<String>> waiting = awaited.get(confirmed.plane());
        if (waiting != null && !waiting.isDone()) {
            // recorded before completing: the coordinator reads the order once all are complete
            confirmedOrder.add(confirmed.plane());
            waiting.complete(confirmed.left());
        }
    }

    void onBeforeDestroyed(@Observes @Priority(PlanePriorities.SHUTDOWN) @BeforeDestroyed(ApplicationScoped.class)
            Object event) {
        shutdown("undeploy");
    }

    /** The phase the node is in now. */
    public ShutdownPhase phase() {
        return phase;
    }

    /** The report, once the shutdown completed. */
    public Optional<ShutdownReport> report() {
        CompletableFuture<ShutdownReport> done = outcome.get();
        return done == null || !done.isDone() ? Optional.empty() : Optional.of(done.join());
    }

    /**
     * Runs the whole shutdown on the calling thread (at most the sum of the phase timeouts plus
     * the drain window) and returns its report. When a shutdown already began, waits for it
     * instead and returns its report.
     *
     * @param reason what started it, kept in the report
     */
    public ShutdownReport shutdown(String reason) {
        CompletableFuture<ShutdownReport> mine = new CompletableFuture<>();
        if (!outcome.compareAndSet(null, mine)) {
            return outcome.get().join();
        }
        try {
            ShutdownReport report = runPhases(reason);
            mine.complete(report);
            return report;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private ShutdownReport runPhases(String reason) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        int callsAtStart = activeCalls();
        // Per-phase lines at DEBUG: while Payara shuts down a log line costs tens of milliseconds,
        // and the one report line at the end carries every timing.
        LOG.log(Level.DEBUG, () -> "shutdown (" + reason + ") begins: planes " + running + ", " + callsAtStart
                + " active calls");
        List<PhaseReport> phases = new ArrayList<>();
        phases.add(runPhase(ShutdownPhase.INITIATED, settings.initiatedTimeout(), start, this::leaveDiscovery));
        phases.add(runPhase(ShutdownPhase.DRAINING, settings.drainWindow().plus(settings.drainingTimeout()), start,
                () -> { }));
        phases.add(runPhase(ShutdownPhase.TERMINATING, settings.terminatingTimeout(), start, () -> { }));
        int callsLeft = activeCalls();
        phases.add(runPhase(ShutdownPhase.COMPLETED, settings.completedTimeout(), start, () -> { }));
        List<String> leaks = closeTrackers();
        long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        ShutdownReport report = new ShutdownReport(reason, startedAt.toString(), totalMillis, callsAtStart,
                callsLeft, phases, leaks);
        LOG.log(report.clean() ? Level.INFO : Level.WARNING, REPORT + " " + report.summary());
        settings.reportFile().ifPresent(file -> writeReport(file, report));
        if (!leaks.isEmpty()) {
            LOG.log(Level.WARNING, LEAKED + " still alive after the shutdown: " + leaks);
        }
        return report;
    }

    private static void writeReport(Path file, ShutdownReport report) {
        try {
            Files.writeString(file, REPORT + " " + report.summary() + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.log(Level.WARNING, REPORT_FILE_FAILED + " cannot write the shutdown report to " + file, e);
        }
    }

    /**
     * Fires the phase, runs {@code coordinatorPart} meanwhile, and waits for the planes'
     * confirmations up to {@code timeout}; forces the phase on timeout.
     */
    private PhaseReport runPhase(ShutdownPhase next, Duration timeout, long shutdownStart, Runnable coordinatorPart) {
        long phaseStart = System.nanoTime();
        Map<Plane, CompletableFuture<List<String>>> expected = new EnumMap<>(Plane.class);
        for (Plane plane : running) {
            expected.put(plane, new CompletableFuture<>());
        }
        synchronized (this) {
            awaited.clear();
            awaited.putAll(expected);
            confirmedOrder.clear();
            phase = next;
        }
        fire(next);
        coordinatorPart.run();
        boolean forced = !awaitAll(expected, phaseStart + timeout.toNanos());
        List<String> left = new ArrayList<>();
        List<String> unconfirmed = new ArrayList<>();
        expected.forEach((plane, confirmation) -> {
            if (confirmation.isDone()) {
                confirmation.join().forEach(item -> left.add(plane.label() + ": " + item));
            } else {
                unconfirmed.add(plane.label());
            }
        });
        if (forced) {
            left.addAll(force(next, unconfirmed));
            LOG.log(Level.WARNING, PHASE_FORCED + " shutdown phase " + next + " timed out after " + timeout
                    + ": planes " + unconfirmed + " did not confirm; left " + left);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - phaseStart);
        long startMillis = TimeUnit.NANOSECONDS.toMillis(phaseStart - shutdownStart);
        LOG.log(Level.DEBUG, () -> "shutdown phase " + next + " done in " + millis + " ms"
                + (forced ? " (forced)" : "") + (left.isEmpty() ? "" : ", left " + left));
        List<String> confirmedBy = confirmedOrder.stream().map(Plane::label).toList();
        return new PhaseReport(next, startMillis, millis, confirmedBy, unconfirmed, forced, left);
    }

    private void fire(ShutdownPhase next) {
        TaskTracker shared = trackers.shared();
        String taskName = "shutdown-" + next.name().toLowerCase(java.util.Locale.ROOT);
        Executor executor = task -> shared.submit(taskName, TaskPriority.CRITICAL, task);
        try {
            phaseEvents.fireAsync(new ShutdownPhaseStarted(next, settings), NotificationOptions.builder()
                    .setExecutor(executor).set(WELD_ASYNC_MODE, "PARALLEL").build());
        } catch (RuntimeException e) {
            // The planes are not told; the phase runs into its timeout and is forced.
            LOG.log(Level.WARNING, PHASE_FORCED + " cannot announce shutdown phase " + next, e);
        }
    }

    private static boolean awaitAll(Map<Plane, CompletableFuture<List<String>>> expected, long deadline) {
        try {
            CompletableFuture.allOf(expected.values().toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            // the confirmations never complete exceptionally
            return false;
        }
    }

    /** The forced fallback: from TERMINATING on, the unconfirmed planes' tasks are cancelled. */
    private List<String> force(ShutdownPhase forcedPhase, List<String> unconfirmed) {
        List<String> left = new ArrayList<>();
        if (forcedPhase.compareTo(ShutdownPhase.TERMINATING) < 0) {
            return left;
        }
        for (Plane plane : running) {
            if (unconfirmed.contains(plane.label())) {
                TaskTracker tracker = trackers.forPlane(plane);
                int cancelled = tracker.close(true);
                left.add(plane.label() + ": " + cancelled + " tasks cancelled by force");
                tracker.leaks().forEach(leak -> left.add(plane.label() + ": " + leak));
            }
        }
        return left;
    }

    private void leaveDiscovery() {
        for (DiscoveryRegistration registration : discovery) {
            try {
                registration.deregister();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, DISCOVERY_FAILED + " " + registration.getClass().getName()
                        + " could not withdraw the node from discovery", e);
            }
        }
    }

    private int activeCalls() {
        int calls = 0;
        for (CallTerminator terminator : terminators) {
            calls += terminator.activeCalls();
        }
        return calls;
    }

    /**
     * Closes the shared tracker (whose tasks announced the phases) and every plane tracker still
     * open, then waits up to the COMPLETED timeout for what they ran to end (which also ends
     * Voxplane's worker and timer pools, see {@link TaskTrackers#awaitNoLeaks}).
     */
    private List<String> closeTrackers() {
        trackers.closeAll();
        try {
            return trackers.awaitNoLeaks(settings.completedTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return trackers.leaks();
        }
    }
}
