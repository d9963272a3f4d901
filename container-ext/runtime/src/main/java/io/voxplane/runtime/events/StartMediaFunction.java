package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * Replaces the media function of an open call (play a prompt, collect digits, record, echo, join a
 * room). The function it replaces ends with {@link MediaFunctionFinished} reason {@code STOPPED};
 * this one ends with a {@link MediaFunctionFinished} carrying {@code commandId}.
 */
public record StartMediaFunction(String callId, long commandId, MediaFunctionSpec function) implements BusEvent {

    public StartMediaFunction {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(function, "function");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.MEDIA, callId);
    }
}
