package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * Sends {@code digits} as RFC 4733 telephone-events in an open call's RTP stream (the media
 * plane's session does the packets and the timing; nothing but this command and its
 * {@link DtmfSent} crosses the bus). The running media function is not replaced.
 *
 * @param commandId  answered by the {@link DtmfSent} with the same id
 * @param digits     the keys, {@code 0-9 * # A-D}
 * @param toneMillis length of each tone
 * @param gapMillis  pause between two tones
 */
public record SendDtmf(String callId, long commandId, String digits, int toneMillis, int gapMillis)
        implements BusEvent {

    public SendDtmf {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(digits, "digits");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.MEDIA, callId);
    }
}
