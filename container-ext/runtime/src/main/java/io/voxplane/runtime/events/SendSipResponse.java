package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import java.util.Objects;

/**
 * The signaling plane asks the transport plane to send {@code response} back on the flow of its
 * request (RFC 3261 s18.2.2). The outcome comes back as {@link SipSent} or {@link SendFailed} with
 * the same {@code sendId}. In order per Call-ID, so a 100 leaves before the final response.
 */
public record SendSipResponse(long sendId, SipResponse response, Flow requestFlow) implements BusEvent {

    public SendSipResponse {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(requestFlow, "requestFlow");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.TRANSPORT, response.callId());
    }
}
