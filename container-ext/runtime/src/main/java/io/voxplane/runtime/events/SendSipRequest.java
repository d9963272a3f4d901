package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.transport.Target;
import java.util.Objects;

/**
 * The signaling plane asks the transport plane to send {@code request} to {@code target}
 * (RFC 3261 s18.1.1). The outcome comes back as {@link SipSent} or {@link SendFailed} with the
 * same {@code sendId}. In order per Call-ID.
 */
public record SendSipRequest(long sendId, SipRequest request, Target target) implements BusEvent {

    public SendSipRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.TRANSPORT, request.callId());
    }
}
