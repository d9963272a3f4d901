package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * The media plane answered an {@link OpenMedia}: the RTP endpoint is bound and configured, the
 * function started; {@code answer} is the SDP for the 200 to the INVITE.
 */
public record MediaOpened(String callId, String answer) implements BusEvent {

    public MediaOpened {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(answer, "answer");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
