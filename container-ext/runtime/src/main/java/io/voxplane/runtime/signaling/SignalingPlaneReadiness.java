package io.voxplane.runtime.signaling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the signaling plane: UP while it takes new transactions, DOWN from the first
 * shutdown phase on, when new out-of-dialog requests get 503 (MicroProfile Health).
 */
@Readiness
@ApplicationScoped
public class SignalingPlaneReadiness implements HealthCheck {

    @Inject
    SignalingPlane plane;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(SignalingPlaneLiveness.NAME).status(plane.state().isReady() && !plane.isRefusingNewRequests())
                .withData("state", plane.state().name())
                .withData("transactions", plane.transactionCount())
                .withData("refusingNewRequests", plane.isRefusingNewRequests())
                .build();
    }
}
