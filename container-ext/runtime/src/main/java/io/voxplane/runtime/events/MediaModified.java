package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/** The media plane applied a {@link ModifyMedia}; {@code answer} is the SDP for the 200. */
public record MediaModified(String callId, long requestId, String answer) implements BusEvent {

    public MediaModified {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(answer, "answer");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
