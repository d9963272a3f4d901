package io.voxplane.runtime.lifecycle;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.task.TaskTrackers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * A slow stage: a media plane that announces itself, keeps a task scheduled, and confirms every
 * shutdown phase except TERMINATING, which it never finishes.
 */
@ApplicationScoped
public class SilentMediaPlane {

    @Inject
    Event<PlaneStarted> started;

    @Inject
    Event<PhaseConfirmed> confirmations;

    @Inject
    TaskTrackers trackers;

    private volatile ScheduledFuture<?> housekeeping;

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        housekeeping = trackers.forPlane(Plane.MEDIA).schedule("rtp-port-sweep", () -> { }, Duration.ofHours(1));
        started.fire(new PlaneStarted(Plane.MEDIA));
    }

    void onPhase(@ObservesAsync ShutdownPhaseStarted phase) {
        if (phase.phase() != ShutdownPhase.TERMINATING) {
            confirmations.fire(PhaseConfirmed.clean(Plane.MEDIA, phase.phase()));
        }
    }

    ScheduledFuture<?> housekeeping() {
        return housekeeping;
    }
}
