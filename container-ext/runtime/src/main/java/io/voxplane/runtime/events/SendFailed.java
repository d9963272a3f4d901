package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * The transport plane could not send the message of send {@code sendId}: a transport error in
 * the sense of RFC 3261 s17.1.4 / s17.2.4.
 *
 * @param reason what went wrong, starting with the transport's error code
 */
public record SendFailed(long sendId, String callId, String reason) implements BusEvent {

    public SendFailed {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
