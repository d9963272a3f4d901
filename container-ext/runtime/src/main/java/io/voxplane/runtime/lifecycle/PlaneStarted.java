package io.voxplane.runtime.lifecycle;

import io.voxplane.runtime.Plane;
import java.util.Objects;

/**
 * Fired (synchronously) by a plane once it runs: from then on the {@link ShutdownCoordinator}
 * waits for that plane's {@link PhaseConfirmed} in every shutdown phase.
 *
 * @param plane the plane now running
 */
public record PlaneStarted(Plane plane) {

    public PlaneStarted {
        Objects.requireNonNull(plane, "plane");
    }
}
