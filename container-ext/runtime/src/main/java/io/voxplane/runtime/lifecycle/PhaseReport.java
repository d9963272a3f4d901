package io.voxplane.runtime.lifecycle;

import java.util.List;

/**
 * How one shutdown phase went, in a {@link ShutdownReport}.
 *
 * @param phase       the phase
 * @param startMillis when it began, in milliseconds after the shutdown began
 * @param millis      how long it took
 * @param confirmedBy the planes that confirmed it (labels, in confirmation order)
 * @param unconfirmed the planes that did not confirm before the phase's timeout
 * @param forced      whether the timeout ended the phase (the forced fallback ran)
 * @param left        what the planes (or the fallback) reported left behind
 */
public record PhaseReport(ShutdownPhase phase, long startMillis, long millis, List<String> confirmedBy,
                          List<String> unconfirmed, boolean forced, List<String> left) {

    public PhaseReport {
        confirmedBy = List.copyOf(confirmedBy);
        unconfirmed = List.copyOf(unconfirmed);
        left = List.copyOf(left);
    }
}
