package io.voxplane.stack.dialog;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.util.Objects;

/**
 * A dialog's identity (RFC 3261 s12): Call-ID, local tag and remote tag, from this UA's point of
 * view. A missing tag (an RFC 2543 peer) is the empty string.
 */
public record DialogId(String callId, String localTag, String remoteTag) {

    public DialogId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
    }

    /** The id an in-dialog request received by this UA points at: local = To tag, remote = From tag (s12.2.2). */
    public static DialogId ofReceivedRequest(SipRequest request) {
        return new DialogId(request.callId(), request.to().tag().orElse(""), request.from().tag().orElse(""));
    }

    /** The id a response received by this UA (as UAC) points at: local = From tag, remote = To tag (s12.1.2). */
    public static DialogId ofReceivedResponse(SipResponse response) {
        return new DialogId(response.callId(), response.from().tag().orElse(""), response.to().tag().orElse(""));
    }

    /** The id of the dialog a response sent by this UA (as UAS) creates: local = To tag, remote = From tag (s12.1.1). */
    public static DialogId ofSentResponse(SipResponse response) {
        return new DialogId(response.callId(), response.to().tag().orElse(""), response.from().tag().orElse(""));
    }
}
