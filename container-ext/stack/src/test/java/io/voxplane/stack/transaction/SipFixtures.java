package io.voxplane.stack.transaction;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Via;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;

/** Requests, responses, flows and targets for transaction tests. */
final class SipFixtures {

    static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5070);
    static final Target UDP_TARGET = new Target(TransportType.UDP, PEER);
    static final Target TCP_TARGET = new Target(TransportType.TCP, PEER);
    static final Flow UDP_FLOW = new Flow(TransportType.UDP, RecordingMessageSender.LOCAL, PEER, 0);
    static final Flow TCP_FLOW = new Flow(TransportType.TCP, RecordingMessageSender.LOCAL, PEER, 9);

    private SipFixtures() {
    }

    /** Parses a URI the test wrote; a typo in a fixture fails the test at once. */
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

    /** A request from the peer (sent-by 127.0.0.1:5070) with the given branch. */
    static SipRequest request(String method, String branch) {
        return request(method, branch, "127.0.0.1", 1);
    }

    static SipRequest request(String method, String branch, String viaHost, long cseq) {
        return SipRequest.builder(method, uri("sip:bob@127.0.0.1:5060"))
                .via(Via.of("UDP", viaHost, 5070, branch))
                .from(address("<sip:alice@127.0.0.1:5070>;tag=fromtag"))
                .to(address("<sip:bob@127.0.0.1:5060>"))
                .callId("call-1@127.0.0.1")
                .cseq(new CSeq(cseq, method))
                .maxForwards(70)
                .contact(address("<sip:alice@127.0.0.1:5070>"))
                .build();
    }

    static SipRequest invite(String branch) {
        return request(SipMethod.INVITE, branch);
    }

    /** A response to {@code request}; statuses above 100 carry To tag {@code totag}. */
    static SipResponse response(SipRequest request, int status) {
        SipResponse.Builder builder = SipResponse.replyTo(request, status);
        if (status > 100) {
            builder.to(request.to().withTag("totag"));
        }
        return builder.build();
    }

    /** The ACK a peer sends for a non-2xx final response (same branch, s17.1.1.3). */
    static SipRequest ackFor(SipRequest invite, SipResponse response) {
        return ClientInviteTransaction.ackFor(invite, response);
    }
}
