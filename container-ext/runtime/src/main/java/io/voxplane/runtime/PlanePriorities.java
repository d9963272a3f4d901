package io.voxplane.runtime;

import jakarta.interceptor.Interceptor;

/**
 * Order of the plane lifecycle observers ({@code @Priority} on the observed event; lower runs
 * first). Signaling starts before transport so that the first message read finds someone to
 * handle it. Stopping is the {@code ShutdownCoordinator}'s: signaling ends its calls while
 * transport still carries the BYEs, then transport closes its sockets (docs/operations.md).
 */
public final class PlanePriorities {

    /** Start of the signaling plane. */
    public static final int SIGNALING_START = Interceptor.Priority.LIBRARY_BEFORE + 100;

    /** Start of the transport plane, after signaling. */
    public static final int TRANSPORT_START = SIGNALING_START + 100;

    /**
     * The phased shutdown ({@code ShutdownCoordinator}): first, so that it drives both planes
     * while the container still runs them. The planes' own stop observers below only act when
     * no coordinator is deployed (they find the plane stopped otherwise).
     */
    public static final int SHUTDOWN = Interceptor.Priority.LIBRARY_BEFORE;

    /**
     * Stop of the signaling plane without a coordinator: before transport, the same order as the
     * phased shutdown (signaling may still send while it stops).
     */
    public static final int SIGNALING_STOP = Interceptor.Priority.LIBRARY_BEFORE + 100;

    /** Stop of the transport plane without a coordinator: last, sockets closed. */
    public static final int TRANSPORT_STOP = SIGNALING_STOP + 100;

    /** Start of the media plane: before signaling, so the first INVITE finds RTP ports ready. */
    public static final int MEDIA_START = SIGNALING_START - 50;

    /** Stop of the media plane: after signaling ended its calls, releasing every RTP port. */
    public static final int MEDIA_STOP = SIGNALING_STOP + 50;

    private PlanePriorities() {
    }
}
