package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/** An RFC 4733 DTMF digit ({@code 0-9 * # A-D}) arrived on a call's RTP stream, once per key press. */
public record DtmfReceived(String callId, char digit) implements BusEvent {

    public DtmfReceived {
        Objects.requireNonNull(callId, "callId");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
