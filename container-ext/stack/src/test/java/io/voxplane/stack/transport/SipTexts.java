package io.voxplane.stack.transport;

import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import java.nio.charset.StandardCharsets;

/** SIP messages as wire text for tests. */
final class SipTexts {

    private SipTexts() {
    }

    /**
     * An OPTIONS request.
     *
     * @param transport  Via transport token
     * @param sentBy     Via sent-by, e.g. {@code client.test:5070} or {@code [::1]:5070}
     * @param viaParams  extra Via parameters written after the branch, e.g. {@code ;rport}
     * @param callId     Call-ID, also used in the branch
     */
    static String options(String transport, String sentBy, String viaParams, String callId) {
        return "OPTIONS sip:service@voxplane.test SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + sentBy + ";branch=z9hG4bK-" + callId + viaParams + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@client.test>;tag=a1\r\n"
                + "To: <sip:service@voxplane.test>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
    }

    /** A MESSAGE request carrying {@code bodySize} bytes of text, to make it as large as needed. */
    static String message(String transport, String sentBy, String callId, int bodySize) {
        String body = "x".repeat(bodySize);
        return "MESSAGE sip:bob@peer.test SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + sentBy + ";branch=z9hG4bK-" + callId + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@client.test>;tag=a1\r\n"
                + "To: <sip:bob@peer.test>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "\r\n"
                + body;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static SipRequest request(String text) throws SipParseException {
        return (SipRequest) SipParser.withDefaults().parse(bytes(text));
    }

    /** The value of a header in raw message text (first occurrence), or null. */
    static String header(String text, String name) {
        for (String line : text.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
