package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * The media plane refused an offer: of an {@link OpenMedia} ({@code requestId} 0; nothing stays
 * allocated) or of a {@link ModifyMedia} (its request id; the session goes on as before).
 *
 * @param status  the SIP status to answer with: 488 for an offer that cannot be accepted
 *                (RFC 3264 s6), 503 when the media plane has no port or is stopped
 * @param warning a Warning header value (RFC 3261 s20.43, e.g. {@code 305 host "..."}), or empty
 * @param reason  why, with its code, for logs
 * @param retryAfter a Retry-After header value (RFC 3261 s20.33) for a 503 the caller may retry
 *                (the node is shutting down), or empty
 */
public record MediaRejected(String callId, long requestId, int status, String warning, String reason,
                            String retryAfter) implements BusEvent {

    public MediaRejected {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** A rejection without Retry-After. */
    public MediaRejected(String callId, long requestId, int status, String warning, String reason) {
        this(callId, requestId, status, warning, reason, "");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
