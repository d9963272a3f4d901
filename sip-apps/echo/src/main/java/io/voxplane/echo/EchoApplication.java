package io.voxplane.echo;

import io.voxplane.api.Call;
import io.voxplane.api.Info;
import io.voxplane.api.Invite;
import io.voxplane.api.MediaCall;
import io.voxplane.api.MediaFunction;
import io.voxplane.api.MediaQuality;
import io.voxplane.api.SipApplication;
import io.voxplane.api.SipRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The echo test number: every INVITE to this node is answered with the node's media running echo,
 * so the caller hears itself (the usual first test of a new phone or trunk).
 *
 * <p>For testing the line: an INFO inside the call is answered 200 with a {@code text/plain} body
 * {@code received=N sent=M digits=D mos=X}: the RTP packets received and echoed and the MOS as of
 * the media plane's last quality report (key {@code voxplane.media.quality-report-interval}), and
 * the DTMF keys pressed so far.
 */
@ApplicationScoped
@SipApplication(name = "echo", requestUri = "sip:.*")
public class EchoApplication {

    /** Call attribute holding the call's {@link MediaCall}. */
    static final String MEDIA = "echo.media";
    /** Call attribute holding the DTMF keys pressed, as a StringBuffer. */
    static final String DIGITS = "echo.digits";

    @Invite
    public void invite(SipRequest request, Call call) {
        StringBuffer digits = new StringBuffer();
        call.setAttribute(DIGITS, digits);
        request.answerWithMedia(MediaFunction.echo()).thenAccept(media -> {
            call.setAttribute(MEDIA, media);
            media.onDtmf(digits::append);
        });
    }

    @Info
    public void info(SipRequest request, Call call) {
        String digits = call.attribute(DIGITS, StringBuffer.class).map(StringBuffer::toString).orElse("");
        MediaQuality quality = call.attribute(MEDIA, MediaCall.class).flatMap(MediaCall::quality)
                .orElse(new MediaQuality(0, 0, 0, -1, 0, 0, 0));
        String body = String.format(Locale.ROOT, "received=%d sent=%d digits=%s mos=%.2f", quality.packetsReceived(),
                quality.packetsSent(), digits, quality.mos());
        request.respond(200, null, Map.of(), "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }
}
