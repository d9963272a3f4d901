package io.voxplane.runtime.signaling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the signaling plane: UP while it takes new transactions (MicroProfile Health). */
@Readiness
@ApplicationScoped
public class SignalingPlaneReadiness implements HealthCheck {

    @Inject
    SignalingPlane plane;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(SignalingPlaneLiveness.NAME).status(plane.state().isReady())
                .withData("state", plane.state().name())
                .withData("transactions", plane.transactionCount())
                .build();
    }
}
