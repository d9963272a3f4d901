package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Everyday requests parse and come back out unchanged. */
class OrdinaryMessagesTest {

    private static SipRequest parse(String text) throws SipParseException {
        return (SipRequest) SipParser.withDefaults().parse(Fixtures.crlf(text));
    }

    @Test
    void ackByeRegisterOptionsCancelParse() throws Exception {
        String[] methods = {"ACK", "BYE", "REGISTER", "OPTIONS", "CANCEL"};
        for (String m : methods) {
            SipRequest r = parse("""
                    %s sip:bob@192.0.2.4 SIP/2.0
                    Via: SIP/2.0/TCP client.atlanta.example.com:5060;branch=z9hG4bK74b76
                    Max-Forwards: 70
                    From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
                    To: Bob <sip:bob@biloxi.example.com>;tag=8321234356
                    Call-ID: 3848276298220188511@atlanta.example.com
                    CSeq: 2 %s
                    Contact: <sip:alice@client.atlanta.example.com>;expires=3600
                    Expires: 7200
                    Content-Length: 0

                    """.formatted(m, m));
            assertEquals(m, r.method());
            assertEquals(m, r.cseq().method());
            assertEquals(7200, r.expires().getAsInt());
            assertEquals(3600L, r.contacts().get(0).expires().orElseThrow());
            assertTrue(r.topVia().hasRfc3261Branch());
            assertEquals(r.headers(), parse(r.toString()).headers());
        }
    }
}
