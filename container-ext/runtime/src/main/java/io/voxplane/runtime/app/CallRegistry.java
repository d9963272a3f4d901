package io.voxplane.runtime.app;

import io.voxplane.stack.timer.TimerService;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live {@link AppCall}s, one per Call-ID. {@link #open} returns the call with a hold taken;
 * a call removes itself when it ends. Thread-safe.
 */
final class CallRegistry {

    private final ConcurrentHashMap<String, AppCall> calls = new ConcurrentHashMap<>();
    private final TimerService timers;

    CallRegistry(TimerService timers) {
        this.timers = timers;
    }

    /** The call of {@code callId} (a new one if none is live), held once for the caller. */
    AppCall open(String callId) {
        AppCall[] opened = new AppCall[1];
        calls.compute(callId, (id, existing) -> {
            if (existing != null && existing.tryHold()) {
                opened[0] = existing;
                return existing;
            }
            AppCall call = new AppCall(id, timers, this::remove);
            call.tryHold();
            opened[0] = call;
            return call;
        });
        return opened[0];
    }

    Optional<AppCall> find(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    int size() {
        return calls.size();
    }

    /** Ends every call (container stopping). */
    void endAll() {
        for (AppCall call : calls.values()) {
            call.end();
        }
    }

    private void remove(AppCall call) {
        calls.remove(call.callId(), call);
    }
}
