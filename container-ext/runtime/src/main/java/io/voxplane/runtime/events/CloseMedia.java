package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * The call ended (BYE either way, CANCEL, no ACK, hangup): the media plane stops the function,
 * closes the RTP endpoint and frees its ports. Nothing if the call has no media. Idempotent.
 */
public record CloseMedia(String callId) implements BusEvent {

    public CloseMedia {
        Objects.requireNonNull(callId, "callId");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.MEDIA, callId);
    }
}
