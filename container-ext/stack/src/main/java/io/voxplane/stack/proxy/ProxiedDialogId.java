package io.voxplane.stack.proxy;

import java.util.Objects;

/**
 * The identity of a dialog a proxy record-routed (RFC 3261 s12: Call-ID plus the two tags), seen
 * from the middle: the tag of the caller (the From tag of the initial INVITE) and the tag of the
 * callee (the To tag of its 2xx). A request from the caller carries them as From and To tags, one
 * from the callee the other way round. A missing tag (an RFC 2543 peer) is the empty string.
 *
 * @param callId    the Call-ID
 * @param callerTag the From tag of the initial INVITE
 * @param calleeTag the To tag of the 2xx that created the dialog (one per fork, s12.1)
 */
public record ProxiedDialogId(String callId, String callerTag, String calleeTag) {

    public ProxiedDialogId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callerTag, "callerTag");
        Objects.requireNonNull(calleeTag, "calleeTag");
    }

    /** The same dialog with the tags read the other way, as a request from the callee names it. */
    ProxiedDialogId reversed() {
        return new ProxiedDialogId(callId, calleeTag, callerTag);
    }
}
