package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.HeaderNames;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.TelUri;
import io.voxplane.stack.transport.TransportType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 3261 s16.3 request validation. */
class ProxyValidationTest {

    private final ProxyHarness h = new ProxyHarness();

    private SipResponse onlyResponse() {
        assertEquals(1, h.sender.responses().size(), h.sender.all().toString());
        return h.sender.responses().get(0);
    }

    @Test
    void maxForwardsZeroIsAnswered483AndNotForwarded() {
        h.fromUac(h.invite().toBuilder().maxForwards(0).build());

        assertEquals(483, onlyResponse().status());
        assertTrue(h.sender.requests("INVITE").isEmpty());
        assertTrue(h.routed.isEmpty(), "the router is not asked");
    }

    @Test
    void requestThatComesBackUnchangedIsALoopAnswered482() {
        h.fromUac(h.invite());
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        // the request comes back to the proxy as it left (e.g. a downstream proxy routed it back)
        SipRequest looped = forwarded.toBuilder().requestUri(h.invite().requestUri()).build();
        h.proxy.inboundHandler().onMessage(looped, ProxyHarness.UAC_FLOW);

        assertEquals(482, h.sender.responses().stream().filter(r -> r.status() != 100).findFirst().orElseThrow().status());
        assertEquals(1, h.sender.requests("INVITE").size(), "the looped copy is not forwarded again");
    }

    @Test
    void requestThatComesBackRetargetedIsASpiralAndIsForwarded() {
        h.fromUac(h.invite());
        SipRequest forwarded = h.forwardedTo("INVITE", 6001);
        // back at the proxy with another Request-URI (say a downstream forwarding service): spiral
        SipRequest spiral = forwarded.toBuilder().requestUri(ProxyHarness.uri("sip:carol@example.com")).build();
        h.router = tx -> tx.proxyTo(ProxyHarness.target(6002), ProxyOptions.parallel());
        h.proxy.inboundHandler().onMessage(spiral, ProxyHarness.UAC_FLOW);

        assertEquals(1, h.sender.requestsTo("INVITE", 6002).size());
        assertTrue(h.sender.responses().stream().noneMatch(r -> r.status() == 482));
    }

    @Test
    void unsupportedProxyRequireIsAnswered420ListingTheTags() {
        h.fromUac(h.invite().toBuilder().header(HeaderNames.PROXY_REQUIRE, "foo, bar").build());

        SipResponse response = onlyResponse();
        assertEquals(420, response.status());
        assertEquals(java.util.List.of("foo", "bar"), response.unsupported());
        assertTrue(h.sender.requests("INVITE").isEmpty());
    }

    @Test
    void supportedProxyRequireIsForwarded() {
        ProxyHarness supporting = new ProxyHarness(ProxyConfig.of("127.0.0.1", 5060, TransportType.UDP)
                .withSupported(Set.of("foo")));
        supporting.fromUac(supporting.invite().toBuilder().header(HeaderNames.PROXY_REQUIRE, "foo").build());

        assertEquals(1, supporting.sender.requestsTo("INVITE", 6001).size());
    }

    @Test
    void nonSipRequestUriIsAnswered416() throws SipParseException {
        h.fromUac(h.invite().toBuilder().requestUri(TelUri.parse("tel:+15551234")).build());

        assertEquals(416, onlyResponse().status());
    }
}
