package io.voxplane.runtime.bus;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.config.VoxplaneSettings;
import io.voxplane.runtime.task.TaskTrackers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

/**
 * The local half of the {@link Bus}: CDI asynchronous events. An event is fired with
 * {@code Event.fireAsync(event, NotificationOptions.ofExecutor(e))} where {@code e} is the
 * session mailbox of its key on the target plane's tracked executor (or that executor itself for
 * events without a key). Weld notifies all observers of one event in one task on that executor,
 * so the observers of one session see its events in order.
 *
 * <p>Each plane has a queue bounded by {@link VoxplaneSettings#busMaxInFlight()}; broadcast and
 * batchable events share the {@code broadcast} queue, on the {@link TaskTrackers#shared() shared}
 * tracker.
 */
@ApplicationScoped
public class LocalBus implements Bus {

    private static final System.Logger LOG = System.getLogger(LocalBus.class.getName());

    private final ConcurrentHashMap<Plane, BusQueue> queues = new ConcurrentHashMap<>();
    private BusQueue broadcastQueue;

    @Inject
    Event<Object> events;

    @Inject
    TaskTrackers trackers;

    @Inject
    VoxplaneSettings settings;

    @Override
    public boolean publish(BusEvent event) {
        Affinity affinity = event.affinity();
        Plane target = affinity.target();
        BusQueue queue = target == null ? broadcastQueue() : queue(target);
        if (!queue.tryAcquire()) {
            return false;
        }
        String key = affinity instanceof Affinity.SessionBound session ? session.key() : null;
        try {
            events.fireAsync(event, NotificationOptions.ofExecutor(queue.executorFor(key)))
                    .whenComplete((delivered, failure) -> {
                        queue.release(failure);
                        if (failure != null) {
                            LOG.log(Level.WARNING, "VXBUS-001 an observer of " + event.getClass().getSimpleName()
                                    + " failed", failure);
                        }
                    });
            return true;
        } catch (RejectedExecutionException e) {
            queue.refuse();
            return false;
        }
    }

    @Override
    public BusQueueStatistics statistics(Plane plane) {
        return queue(plane).statistics();
    }

    /** Counters of the queue of broadcast and batchable events. */
    public BusQueueStatistics broadcastStatistics() {
        return broadcastQueue().statistics();
    }

    private BusQueue queue(Plane plane) {
        return queues.computeIfAbsent(plane, p -> new BusQueue(p.label(), settings.busMaxInFlight(),
                trackers.forPlane(p).executor()));
    }

    private synchronized BusQueue broadcastQueue() {
        if (broadcastQueue == null) {
            broadcastQueue = new BusQueue("broadcast", settings.busMaxInFlight(), trackers.shared().executor());
        }
        return broadcastQueue;
    }
}
