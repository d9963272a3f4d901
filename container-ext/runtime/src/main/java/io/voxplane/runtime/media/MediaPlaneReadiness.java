package io.voxplane.runtime.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the media plane: UP while it opens media for new calls, DOWN once the shutdown
 * began ({@code refusingNewMedia}) (MicroProfile Health).
 */
@Readiness
@ApplicationScoped
public class MediaPlaneReadiness implements HealthCheck {

    @Inject
    MediaPlane plane;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(MediaPlaneLiveness.NAME).status(plane.state().isReady() && !plane.isRefusingNewMedia())
                .withData("state", plane.state().name())
                .withData("refusingNewMedia", plane.isRefusingNewMedia())
                .withData("calls", plane.openCalls())
                .build();
    }
}
