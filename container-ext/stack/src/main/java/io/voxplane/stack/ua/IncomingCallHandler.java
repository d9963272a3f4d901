package io.voxplane.stack.ua;

/**
 * The application side of a {@link UserAgent} acting as UAS: gets each new INVITE as an
 * {@link IncomingCall} and answers it (now or later) with {@link IncomingCall#ringing()},
 * {@link IncomingCall#answer}, {@link IncomingCall#reject}. Called on a transport thread: must
 * not block. If it throws, the INVITE is answered 500.
 */
@FunctionalInterface
public interface IncomingCallHandler {

    void onInvite(IncomingCall call);

    /** Rejects every call with 480 Temporarily Unavailable (a UA that only places calls). */
    static IncomingCallHandler rejectAll() {
        return call -> call.reject(480);
    }
}
