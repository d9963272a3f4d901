package io.voxplane.runtime.lifecycle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of a node's shutdown: the timings of each phase, the calls there were and what
 * was left. Served as JSON by {@code GET /voxplane/admin/shutdown-report} and logged as one line
 * ({@link #summary()}) with code {@value ShutdownCoordinator#REPORT}. docs/operations.md says how
 * to read it.
 *
 * @param reason      what started the shutdown ({@code undeploy}, {@code admin}, a test's name)
 * @param startedAt   when it began, ISO-8601 UTC
 * @param totalMillis from the start of INITIATED to the end of COMPLETED
 * @param callsAtStart calls active when the shutdown began
 * @param callsLeft   calls still active after TERMINATING (0 when every call was ended)
 * @param phases      one entry per phase, in order
 * @param leaks       tracked tasks and Voxplane threads alive at the end; empty after a clean stop
 */
public record ShutdownReport(String reason, String startedAt, long totalMillis, int callsAtStart, int callsLeft,
                             List<PhaseReport> phases, List<String> leaks) {

    public ShutdownReport {
        phases = List.copyOf(phases);
        leaks = List.copyOf(leaks);
    }

    /** Whether no phase was forced, every call ended and nothing leaked. */
    public boolean clean() {
        return callsLeft == 0 && leaks.isEmpty() && phases.stream().noneMatch(PhaseReport::forced);
    }

    /** One log line: total, each phase's duration (marked {@code forced}), calls and leaks. */
    public String summary() {
        String timings = phases.stream()
                .map(p -> p.phase() + " " + p.millis() + " ms" + (p.forced() ? " (forced, unconfirmed "
                        + p.unconfirmed() + ", left " + p.left() + ")" : ""))
                .collect(Collectors.joining(", "));
        return "shutdown (" + reason + ") took " + totalMillis + " ms: " + timings + "; calls " + callsAtStart
                + " at start, " + callsLeft + " left; " + (leaks.isEmpty() ? "no leaks" : "leaks " + leaks);
    }
}
