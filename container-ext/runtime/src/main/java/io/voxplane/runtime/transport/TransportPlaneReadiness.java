package io.voxplane.runtime.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the transport plane: UP while it listens, with the bound listen points and the
 * Netty I/O mechanism as data (MicroProfile Health).
 */
@Readiness
@ApplicationScoped
public class TransportPlaneReadiness implements HealthCheck {

    @Inject
    TransportPlane plane;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(TransportPlaneLiveness.NAME)
                .status(plane.state().isReady())
                .withData("state", plane.state().name())
                .withData("listen", plane.listenPoints().toString());
        plane.ioTransport().ifPresent(io -> response.withData("io", io.name()));
        return response.build();
    }
}
