package io.voxplane.arquillian.holdapp;

import io.voxplane.api.Ack;
import io.voxplane.api.Bye;
import io.voxplane.api.Call;
import io.voxplane.api.Invite;
import io.voxplane.api.Options;
import io.voxplane.api.SipApplication;
import io.voxplane.api.SipRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A test app that answers every INVITE 200 with an SDP answer and then holds the call: it never
 * hangs up, so only the peer's BYE or the node's shutdown (TERMINATING: BYE for every confirmed
 * dialog) ends it. Confirmed calls (ACK received) are counted in {@link HeldCalls}, which the
 * test reads through {@link HeldCallsServlet}. Compiles against voxplane-api only, like any app.
 */
@ApplicationScoped
@SipApplication(name = "hold-calls", methods = {"INVITE", "OPTIONS"})
public class HoldCallsApplication {

    /** PCMU on a port nobody listens to: the test only looks at signaling. */
    private static final byte[] SDP_ANSWER = ("v=0\r\n"
            + "o=hold 1 1 IN IP4 127.0.0.1\r\n"
            + "s=hold\r\n"
            + "c=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n").getBytes(StandardCharsets.US_ASCII);

    @Inject
    HeldCalls held;

    @Invite
    public void invite(SipRequest request, Call call) {
        request.respond(200, null, Map.of(), "application/sdp", SDP_ANSWER);
    }

    @Ack
    public void ack(SipRequest ack, Call call) {
        held.confirmed(call.callId());
    }

    @Bye
    public void bye(SipRequest bye, Call call) {
        held.ended(call.callId());
    }

    @Options
    public void options(SipRequest request) {
        request.respond(200);
    }
}
