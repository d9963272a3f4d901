package io.voxplane.stack.registrar;

import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.timer.ManualTimerService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

/** REGISTER requests for registrar tests, and a wall clock that follows a manual timer service. */
final class RegisterRequests {

    /** The RFC 4475 messages, unchanged, from the sip module's test resources. */
    static final Path RFC4475 = Path.of("..", "sip", "src", "test", "resources", "rfc4475");

    /** Epoch millis at virtual time 0. */
    static final long EPOCH_MILLIS = 1_760_000_000_000L;

    private RegisterRequests() {
    }

    /** Wall-clock time = {@link #EPOCH_MILLIS} + the manual timer service's virtual time. */
    static InstantSource clockOf(ManualTimerService timers) {
        return () -> Instant.ofEpochMilli(EPOCH_MILLIS + timers.nanoTime() / 1_000_000);
    }

    /** A REGISTER for sip:alice@example.com with Call-ID {@code callId}, CSeq {@code cseq} and the given lines. */
    static SipRequest register(String callId, long cseq, String... headerLines) {
        return registerFor("sip:alice@example.com", callId, cseq, headerLines);
    }

    static SipRequest registerFor(String to, String callId, long cseq, String... headerLines) {
        StringBuilder text = new StringBuilder()
                .append("REGISTER sip:example.com SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bK-").append(callId).append('-').append(cseq).append("\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <").append(to).append(">;tag=f1\r\n")
                .append("To: <").append(to).append(">\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(" REGISTER\r\n");
        for (String line : headerLines) {
            text.append(line).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        return parse(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static SipRequest rfc4475(String name) {
        try {
            return parse(Files.readAllBytes(RFC4475.resolve(name + ".dat")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipRequest parse(byte[] bytes) {
        try {
            return (SipRequest) SipParser.withDefaults().parse(bytes);
        } catch (SipParseException e) {
            throw new AssertionError("bad fixture\n" + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
