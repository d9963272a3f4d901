package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * Signaling asks the media plane for a call's audio: answer the SDP {@code offer} of an INVITE
 * (RFC 3264 s6) from a new RTP endpoint and start {@code function}. Answered with
 * {@link MediaOpened} or {@link MediaRejected} (request id 0). In order per Call-ID.
 *
 * @param offer the offer as received (the INVITE's body, decoded as UTF-8)
 */
public record OpenMedia(String callId, String offer, MediaFunctionSpec function) implements BusEvent {

    public OpenMedia {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(function, "function");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.MEDIA, callId);
    }
}
