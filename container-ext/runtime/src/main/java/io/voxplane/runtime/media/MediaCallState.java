package io.voxplane.runtime.media;

import io.voxplane.media.session.MediaSession;
import io.voxplane.sip.sdp.SdpNegotiator;

/**
 * The media plane's side of one call: its {@link MediaSession}, the offer/answer state of its
 * dialog, and which command's function runs now. Touched by the call's serial bus deliveries and,
 * for {@link #runningCommand}, by the session's listener; guarded by this object.
 */
final class MediaCallState {

    /** No command's function runs. */
    static final long NONE = -1;

    final String callId;
    final MediaSession session;
    final SdpNegotiator negotiator;
    private long runningCommand = NONE;
    private String runningFunction = "";

    MediaCallState(String callId, MediaSession session, SdpNegotiator negotiator) {
        this.callId = callId;
        this.session = session;
        this.negotiator = negotiator;
    }

    /** Records {@code command} as running; returns the one it replaces, or {@link #NONE}. */
    synchronized long replace(long command, String function) {
        long previous = runningCommand;
        runningCommand = command;
        runningFunction = function;
        return previous;
    }

    /** The running command, cleared: its function ended. */
    synchronized long finish() {
        long current = runningCommand;
        runningCommand = NONE;
        return current;
    }

    synchronized String runningFunction() {
        return runningFunction;
    }
}
