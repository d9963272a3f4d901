package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.stack.transport.Flow;
import java.util.Objects;

/** The transport plane wrote the message of send {@code sendId} on {@code flow}. */
public record SipSent(long sendId, String callId, Flow flow) implements BusEvent {

    public SipSent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(flow, "flow");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
