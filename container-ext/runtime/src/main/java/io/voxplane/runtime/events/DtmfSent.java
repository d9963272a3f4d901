package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * The end of a {@link SendDtmf}: every digit's end packets were sent ({@link Outcome#SENT}), or
 * why not, with {@code detail} naming the code ({@code VXMED-015} ...).
 *
 * @param commandId the {@link SendDtmf#commandId()}
 */
public record DtmfSent(String callId, long commandId, Outcome outcome, String detail) implements BusEvent {

    /** How a {@link SendDtmf} ended. */
    public enum Outcome {
        /** All digits sent. */
        SENT,
        /** A character is not a key, or a duration is out of range: nothing sent. */
        BAD_REQUEST,
        /** No telephone-event payload type was negotiated (RFC 4733 s2.5.1). */
        NO_TELEPHONE_EVENT,
        /** The stream does not send (hold). */
        NOT_SENDING,
        /** The call has no media, or it closed while sending. */
        MEDIA_CLOSED
    }

    public DtmfSent {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
