package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.api.SipTimer;
import io.voxplane.stack.timer.ManualTimerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Call state per Call-ID and its timers, on virtual time. */
class CallRegistryTest {

    private final ManualTimerService timers = new ManualTimerService();
    private final CallRegistry calls = new CallRegistry(timers);

    @Test
    void requestsOfOneCallIdShareTheCallAndItsAttributes() {
        AppCall first = calls.open("c1");
        first.setAttribute("n", 1);
        AppCall second = calls.open("c1");
        assertSame(first, second);
        assertEquals(Optional.of(1), second.attribute("n", Integer.class));
        assertEquals(Optional.empty(), second.attribute("n", String.class), "wrong type reads as absent");
    }

    @Test
    void callEndsWhenItsLastRequestIsDoneAndNoTimerIsPending() {
        AppCall call = calls.open("c1");
        call.setAttribute("k", "v");
        calls.open("c1");
        call.release();
        assertFalse(call.isEnded(), "one request still held");
        call.release();
        assertTrue(call.isEnded());
        assertEquals(0, calls.size());
        AppCall next = calls.open("c1");
        assertNotSame(call, next, "a new call after the old one ended");
        assertEquals(Optional.empty(), next.attribute("k", String.class));
    }

    @Test
    void timerRunsAfterItsDelayAndKeepsTheCallAliveUntilThen() {
        List<String> ran = new ArrayList<>();
        AppCall call = calls.open("c1");
        call.schedule(Duration.ofSeconds(30), () -> ran.add("fired"));
        call.release();
        assertFalse(call.isEnded(), "pending timer keeps the call");

        timers.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), ran);
        timers.advance(Duration.ofSeconds(1));
        assertEquals(List.of("fired"), ran);
        assertTrue(call.isEnded(), "nothing left: the call ends");
        assertEquals(0, calls.size());
    }

    @Test
    void endingTheCallCancelsItsTimers() {
        List<String> ran = new ArrayList<>();
        AppCall call = calls.open("c1");
        call.schedule(Duration.ofSeconds(5), () -> ran.add("fired"));
        call.end();
        timers.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), ran);
        assertEquals(0, call.pendingTimers());
        assertFalse(call.schedule(Duration.ofSeconds(1), () -> ran.add("late")).cancel(), "ended call takes no timer");
        timers.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), ran);
    }

    @Test
    void cancelledTimerDoesNotRunAndReleasesTheCall() {
        List<String> ran = new ArrayList<>();
        AppCall call = calls.open("c1");
        SipTimer timer = call.schedule(Duration.ofSeconds(5), () -> ran.add("fired"));
        call.release();
        assertTrue(timer.cancel());
        assertFalse(timer.cancel(), "second cancel reports nothing to cancel");
        assertTrue(call.isEnded());
        timers.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), ran);
    }

    @Test
    void failingTimerTaskIsContainedAndTheNextOneStillRuns() {
        List<String> ran = new ArrayList<>();
        AppCall call = calls.open("c1");
        call.schedule(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        call.schedule(Duration.ofSeconds(2), () -> ran.add("second"));
        timers.advance(Duration.ofSeconds(3));
        assertEquals(List.of("second"), ran);
    }
}
