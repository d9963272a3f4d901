package io.voxplane.stack.dialog;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Via;

/** An INVITE from alice to bob through two record-routing proxies, and responses to it. */
final class DialogFixtures {

    static final Address PROXY1 = address("<sip:p1.example.com;lr>");
    static final Address PROXY2 = address("<sip:p2.example.com;lr>");
    static final Address STRICT = address("<sip:strict.example.com;transport=tcp;method=INVITE>");

    private DialogFixtures() {
    }

    static SipUri uri(String text) {
        try {
            return SipUri.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError("bad fixture URI " + text, e);
        }
    }

    static Address address(String text) {
        try {
            return Address.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError("bad fixture address " + text, e);
        }
    }

    /** INVITE as it reaches bob: Record-Route p2 (nearest bob) then p1. */
    static SipRequest invite() {
        return SipRequest.builder(SipMethod.INVITE, uri("sip:bob@example.com"))
                .via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKd1"))
                .from(address("<sip:alice@example.com>;tag=alicetag"))
                .to(address("<sip:bob@example.com>"))
                .callId("dlg-1@10.0.0.1")
                .cseq(new CSeq(10, SipMethod.INVITE))
                .contact(address("<sip:alice@10.0.0.1:5060>"))
                .recordRoute(PROXY2)
                .recordRoute(PROXY1)
                .build();
    }

    /** Bob's response: To tag bobtag, Contact bob's device, Record-Route copied from the request. */
    static SipResponse response(SipRequest request, int status) {
        return SipResponse.replyTo(request, status)
                .to(request.to().withTag("bobtag"))
                .contact(address("<sip:bob@10.0.0.2:5062>"))
                .recordRoutes(request.recordRoutes())
                .build();
    }

    /** An in-dialog request from alice to bob (as bob receives it). */
    static SipRequest fromAlice(String method, long cseq, String contact) {
        SipRequest.Builder builder = SipRequest.builder(method, uri("sip:bob@10.0.0.2:5062"))
                .via(Via.of("UDP", "10.0.0.1", 5060, "z9hG4bKin" + cseq))
                .from(address("<sip:alice@example.com>;tag=alicetag"))
                .to(address("<sip:bob@example.com>;tag=bobtag"))
                .callId("dlg-1@10.0.0.1")
                .cseq(new CSeq(cseq, method));
        if (contact != null) {
            builder.contact(address(contact));
        }
        return builder.build();
    }
}
