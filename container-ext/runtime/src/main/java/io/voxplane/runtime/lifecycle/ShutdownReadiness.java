package io.voxplane.runtime.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the node as a whole: DOWN from the first shutdown phase on, so that a load
 * balancer or orchestrator stops sending it work while it drains (MicroProfile Health). The
 * data says the phase.
 */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements HealthCheck {

    /** Name of this check in /health/ready. */
    public static final String NAME = "voxplane-shutdown";

    @Inject
    ShutdownCoordinator coordinator;

    @Override
    public HealthCheckResponse call() {
        ShutdownPhase phase = coordinator.phase();
        return HealthCheckResponse.named(NAME).status(phase.acceptsNewRequests())
                .withData("phase", phase.name()).build();
    }
}
