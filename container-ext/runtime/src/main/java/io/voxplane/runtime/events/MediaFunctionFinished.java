package io.voxplane.runtime.events;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Affinity;
import io.voxplane.runtime.bus.BusEvent;
import java.util.Objects;

/**
 * A media function ended: by itself ({@code COMPLETED}, {@code MAX_DIGITS}, {@code TERMINATOR},
 * {@code INTER_DIGIT_TIMEOUT}, {@code TIMEOUT}, {@code MAX_DURATION}), replaced or closed
 * ({@code STOPPED}), or it could not run ({@code FAILED}, with {@code detail}).
 *
 * @param commandId the {@link StartMediaFunction#commandId()}, 0 for the function of {@link OpenMedia}
 * @param function  {@code echo}, {@code prompt}, {@code record}, {@code collect-digits}, {@code conference}
 * @param digits    the digits collected (collect-digits), else empty
 * @param detail    for {@code FAILED}: what went wrong, with its code; else empty
 */
public record MediaFunctionFinished(String callId, long commandId, String function, String reason, String digits,
                                    String detail) implements BusEvent {

    public MediaFunctionFinished {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(digits, "digits");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, callId);
    }
}
