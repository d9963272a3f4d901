package io.voxplane.runtime.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
import io.voxplane.runtime.Plane;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.task.TaskTrackers;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@EnableWeld
@Timeout(30)
class LocalBusTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(LocalBus.class, TaskTrackers.class, TestConcurrencyResources.class,
            TestSettings.class, SessionRecorder.class);

    @Inject
    LocalBus bus;

    @Inject
    SessionRecorder recorder;

    @Test
    void eventsOfOneSessionAreObservedOneAtATimeInPublishOrderWhilePublishersRace() throws Exception {
        int publishers = 4;
        int keysPerPublisher = 3;
        int eventsPerKey = 300;
        ExecutorService threads = Executors.newFixedThreadPool(publishers);
        try {
            List<Future<Integer>> refusals = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                refusals.add(threads.submit(() -> {
                    int refused = 0;
                    for (int i = 0; i < eventsPerKey; i++) {
                        for (int k = 0; k < keysPerPublisher; k++) {
                            // The bound is small: a refused event is retried, as the transport would see a 503 retried.
                            SessionEvent event = new SessionEvent("call-" + publisher + "-" + k, i);
                            while (!bus.publish(event)) {
                                refused++;
                                Thread.yield();
                            }
                        }
                    }
                    return refused;
                }));
            }
            for (Future<Integer> f : refusals) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        int total = publishers * keysPerPublisher * eventsPerKey;
        Await.until(() -> recorder.observed() == total, WAIT, "all events observed");
        assertEquals(0, recorder.overlaps(), "two events of one session were observed at once");
        List<Integer> expected = IntStream.range(0, eventsPerKey).boxed().toList();
        assertEquals(publishers * keysPerPublisher, recorder.seen().size());
        recorder.seen().forEach((key, order) -> assertEquals(expected, order, "order of " + key));
        Await.until(() -> bus.statistics(Plane.SIGNALING).inFlight() == 0, WAIT, "in-flight back to 0");
        BusQueueStatistics stats = bus.statistics(Plane.SIGNALING);
        assertEquals(total, stats.published());
        assertEquals(total, stats.completed());
    }

    @Test
    void publishPastTheInFlightBoundIsRefusedAndCountedUntilObserversCatchUp() {
        CountDownLatch gate = new CountDownLatch(1);
        recorder.gate(gate);
        for (int i = 0; i < TestSettings.MAX_IN_FLIGHT; i++) {
            assertTrue(bus.publish(new SessionEvent("call-" + i, 0)), "event " + i + " within the bound");
        }
        assertFalse(bus.publish(new SessionEvent("one-too-many", 0)));
        BusQueueStatistics full = bus.statistics(Plane.SIGNALING);
        assertEquals(TestSettings.MAX_IN_FLIGHT, full.inFlight());
        assertEquals(1, full.rejected());

        gate.countDown();
        Await.until(() -> bus.statistics(Plane.SIGNALING).inFlight() == 0, WAIT, "in-flight back to 0");
        assertTrue(bus.publish(new SessionEvent("after", 0)), "room again once observers are done");
        Await.until(() -> bus.statistics(Plane.SIGNALING).completed() == TestSettings.MAX_IN_FLIGHT + 1, WAIT,
                "all completed");
        assertEquals(0, bus.statistics(Plane.SIGNALING).mailboxes(), "idle sessions keep no mailbox");
    }

    @Test
    void anObserverThatThrowsIsCountedAndTheSessionGoesOn() {
        recorder.failOn(1);
        for (int i = 0; i < 3; i++) {
            assertTrue(bus.publish(new SessionEvent("call", i)));
        }
        Await.until(() -> bus.statistics(Plane.SIGNALING).completed() == 2
                && bus.statistics(Plane.SIGNALING).failed() == 1, WAIT, "two completed, one failed");
        assertEquals(List.of(0, 1, 2), recorder.seen().get("call"));
        assertEquals(0, bus.statistics(Plane.SIGNALING).inFlight());
    }
}
