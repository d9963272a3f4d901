package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * A new offer inside a call's dialog (a re-INVITE, RFC 3264 s8: hold, resume, new address or
 * codec). Answered with {@link MediaModified} or {@link MediaRejected} carrying {@code requestId}.
 */
public record ModifyMedia(String callId, long requestId, String offer) implements BusEvent {

    public ModifyMedia {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(offer, "offer");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.MEDIA, callId);
    }
}
