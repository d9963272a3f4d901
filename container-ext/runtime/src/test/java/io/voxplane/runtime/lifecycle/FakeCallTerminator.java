package io.voxplane.runtime.lifecycle;

import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.transport.TransportPlane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for the dialog registry: holds a number of calls, ends them when asked, and records
 * how many there were and whether the transport still ran at that moment.
 */
@ApplicationScoped
public class FakeCallTerminator implements CallTerminator {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger callsWhenTerminated = new AtomicInteger(-1);
    private final AtomicReference<PlaneState> transportWhenTerminated = new AtomicReference<>();

    @Inject
    TransportPlane transport;

    void hold(int count) {
        calls.set(count);
    }

    /** The peers hang up by themselves. */
    void endByThemselves() {
        calls.set(0);
    }

    int callsWhenTerminated() {
        return callsWhenTerminated.get();
    }

    PlaneState transportWhenTerminated() {
        return transportWhenTerminated.get();
    }

    @Override
    public int activeCalls() {
        return calls.get();
    }

    @Override
    public CompletionStage<Void> terminateAll(Duration timeout) {
        transportWhenTerminated.set(transport.state());
        callsWhenTerminated.set(calls.getAndSet(0));
        return CompletableFuture.completedFuture(null);
    }
}
