package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoAppResponsesTest {

    private static SipRequest request(String method, String toTag) throws Exception {
        String text = method + " sip:pbx@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-test-1\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:pbx@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: noapp-1@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.withDefaults().parse(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void optionsGets200WithAllowAndAccept() throws Exception {
        SipResponse response = NoAppResponses.answer(request("OPTIONS", null));
        assertEquals(200, response.status());
        assertEquals(Optional.of("INVITE, ACK, CANCEL, BYE, OPTIONS"), response.header("Allow"));
        assertEquals(Optional.of("application/sdp"), response.header("Accept"));
        assertTrue(response.to().tag().isPresent(), "final response carries a To tag (s8.2.6.2)");
    }

    @Test
    void supportedMethodWithoutAppGets404() throws Exception {
        assertEquals(404, NoAppResponses.answer(request("INVITE", null)).status());
    }

    @Test
    void knownButUnsupportedMethodGets405WithAllow() throws Exception {
        SipResponse response = NoAppResponses.answer(request("REGISTER", null));
        assertEquals(405, response.status());
        assertEquals(Optional.of("INVITE, ACK, CANCEL, BYE, OPTIONS"), response.header("Allow"));
    }

    @Test
    void unknownMethodGets501() throws Exception {
        assertEquals(501, NoAppResponses.answer(request("FROBNICATE", null)).status());
    }

    @Test
    void requestInsideAnUnknownDialogGets481AndKeepsItsToTag() throws Exception {
        SipResponse response = NoAppResponses.answer(request("BYE", "b2"));
        assertEquals(481, response.status());
        assertEquals(Optional.of("b2"), response.to().tag());
    }
}
