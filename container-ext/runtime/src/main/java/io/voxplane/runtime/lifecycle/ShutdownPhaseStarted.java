package io.voxplane.runtime.lifecycle;

import io.voxplane.runtime.config.ShutdownSettings;
import java.util.Objects;

/**
 * Fired asynchronously by the {@link ShutdownCoordinator} when a phase begins. Every plane that
 * announced itself with {@link PlaneStarted} observes it ({@code @ObservesAsync}), does its part
 * of the phase and answers with {@link PhaseConfirmed}.
 *
 * @param phase    the phase that begins
 * @param settings the shutdown settings in force (Retry-After, drain window, timeouts)
 */
public record ShutdownPhaseStarted(ShutdownPhase phase, ShutdownSettings settings) {

    public ShutdownPhaseStarted {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(settings, "settings");
    }
}
