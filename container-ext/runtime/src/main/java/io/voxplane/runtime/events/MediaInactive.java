package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * No RTP came from the peer of a call for the media inactivity timeout (the peer vanished
 * without BYE): signaling hangs the call up.
 */
public record MediaInactive(String callId, long idleMillis) implements BusEvent {

    public MediaInactive {
        Objects.requireNonNull(callId, "callId");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
