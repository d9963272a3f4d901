package io.voxplane.runtime.lifecycle;

import io.voxplane.runtime.Plane;
import java.util.List;
import java.util.Objects;

/**
 * Fired (synchronously) by a plane when it has done its part of a shutdown phase. A plane that
 * could not finish cleanly still confirms and names what it left ({@code left}), which the
 * {@link ShutdownReport} shows.
 *
 * @param plane the plane confirming
 * @param phase the phase it confirms
 * @param left  what the plane could not clean up (calls still up, tasks or threads alive); empty when clean
 */
public record PhaseConfirmed(Plane plane, ShutdownPhase phase, List<String> left) {

    public PhaseConfirmed {
        Objects.requireNonNull(plane, "plane");
        Objects.requireNonNull(phase, "phase");
        left = List.copyOf(left);
    }

    /** A clean confirmation. */
    public static PhaseConfirmed clean(Plane plane, ShutdownPhase phase) {
        return new PhaseConfirmed(plane, phase, List.of());
    }
}
