package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.sip.SipMessage;
import io.voxplane.stack.transport.Flow;
import java.util.Objects;

/**
 * The transport plane read a well-formed SIP message (RFC 3261 s18.2.1 already applied) on
 * {@code flow}. For the signaling plane, in order per Call-ID.
 */
public record SipMessageReceived(SipMessage message, Flow flow) implements BusEvent {

    public SipMessageReceived {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(flow, "flow");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, message.callId());
    }
}
