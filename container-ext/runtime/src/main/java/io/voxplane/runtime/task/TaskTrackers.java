package io.voxplane.runtime.task;

import io.voxplane.runtime.Plane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * One {@link TaskTracker} per {@link Plane}, all over the container's {@link ConcurrencyResources}.
 * A plane takes its tracker when it starts and closes it when it stops; the bus delivers events
 * for a plane on that plane's tracker, so a stopped plane receives nothing.
 */
@ApplicationScoped
public class TaskTrackers {

    /** Name of the tracker of work that belongs to no single plane (broadcast bus events). */
    public static final String SHARED = "shared";

    private final Map<Plane, TaskTracker> trackers = new EnumMap<>(Plane.class);
    private TaskTracker shared;

    @Inject
    ConcurrencyResources resources;

    /** The tracker of {@code plane}, created on first use. */
    public synchronized TaskTracker forPlane(Plane plane) {
        return trackers.computeIfAbsent(plane, p -> new TaskTracker(p.label(), resources.executor(),
                resources.scheduler(), resources.threadFactory()));
    }

    /** The tracker of work no single plane owns. */
    public synchronized TaskTracker shared() {
        if (shared == null) {
            shared = new TaskTracker(SHARED, resources.executor(), resources.scheduler(), resources.threadFactory());
        }
        return shared;
    }
}
