package io.voxplane.runtime;

import jakarta.interceptor.Interceptor;

/**
 * Order of the plane lifecycle observers ({@code @Priority} on the observed event; lower runs
 * first). Signaling starts before transport so that the first message read finds someone to
 * handle it; transport stops before signaling so that nothing new arrives while signaling
 * drains.
 */
public final class PlanePriorities {

    /** Start of the signaling plane. */
    public static final int SIGNALING_START = Interceptor.Priority.LIBRARY_BEFORE + 100;

    /** Start of the transport plane, after signaling. */
    public static final int TRANSPORT_START = SIGNALING_START + 100;

    /** Stop of the transport plane: first, so no new message comes in. */
    public static final int TRANSPORT_STOP = Interceptor.Priority.LIBRARY_BEFORE + 100;

    /** Stop of the signaling plane, after transport. */
    public static final int SIGNALING_STOP = TRANSPORT_STOP + 100;

    /** Start of the media plane: before signaling, so the first INVITE finds RTP ports ready. */
    public static final int MEDIA_START = SIGNALING_START - 50;

    /** Stop of the media plane: after signaling ended its calls, releasing every RTP port. */
    public static final int MEDIA_STOP = SIGNALING_STOP + 50;

    private PlanePriorities() {
    }
}
