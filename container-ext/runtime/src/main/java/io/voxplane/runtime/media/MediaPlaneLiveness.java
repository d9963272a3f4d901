package io.voxplane.runtime.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness of the media plane: DOWN only when it failed to start (MicroProfile Health). */
@Liveness
@ApplicationScoped
public class MediaPlaneLiveness implements HealthCheck {

    /** Name of this check in /health. */
    public static final String NAME = "voxplane-media";

    @Inject
    MediaPlane plane;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(plane.state().isLive())
                .withData("state", plane.state().name()).build();
    }
}
