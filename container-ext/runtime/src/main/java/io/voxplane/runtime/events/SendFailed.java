package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.stack.transport.TransportErrorCode;
import java.util.Objects;

/**
 * The transport plane could not send the message of send {@code sendId}: a transport error in
 * the sense of RFC 3261 s17.1.4 / s17.2.4.
 *
 * @param code   the transport's error code, or null when the failure had none (plane stopped)
 * @param reason what went wrong (the transport's message, without the code prefix)
 */
public record SendFailed(long sendId, String callId, TransportErrorCode code, String reason) implements BusEvent {

    public SendFailed {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
