package io.voxplane.stack.proxy;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.sip.Via;
import io.voxplane.stack.timer.ManualTimerService;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link StatefulProxy} at 127.0.0.1:5060 on an {@link InMemoryMessageSender} and virtual time,
 * with a router the test sets, plus builders for what the UAC upstream (127.0.0.1:5070) and the
 * UASs downstream (127.0.0.1:6001, 6002, ...) send.
 */
final class ProxyHarness {

    static final InetSocketAddress UAC = new InetSocketAddress("127.0.0.1", 5070);
    static final Flow UAC_FLOW = new Flow(TransportType.UDP, InMemoryMessageSender.LOCAL, UAC, 0);

    final ManualTimerService timers = new ManualTimerService();
    final InMemoryMessageSender sender = new InMemoryMessageSender();
    final List<ProxyTransaction> routed = new ArrayList<>();
    ProxyRouter router = tx -> {
        routed.add(tx);
        tx.proxyTo(target(6001), ProxyOptions.parallel());
    };
    final StatefulProxy proxy;
    private final AtomicInteger branches = new AtomicInteger();

    ProxyHarness() {
        this(ProxyConfig.of("127.0.0.1", 5060, TransportType.UDP));
    }

    ProxyHarness(ProxyConfig config) {
        proxy = new StatefulProxy(sender, timers, config, tx -> router.route(tx));
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

    /** A target at 127.0.0.1:port (resolved from its URI). */
    static ProxyTarget target(int port) {
        return ProxyTarget.of(uri("sip:bob@127.0.0.1:" + port));
    }

    /** An initial request from the UAC to sip:bob@example.com with a fresh branch. */
    SipRequest request(String method) {
        return SipRequest.builder(method, uri("sip:bob@example.com"))
                .via(Via.of("UDP", "127.0.0.1", 5070, "z9hG4bKuac" + branches.incrementAndGet()))
                .from(address("<sip:alice@example.com>;tag=alice"))
                .to(address("<sip:bob@example.com>"))
                .callId("call-" + branches.get() + "@127.0.0.1")
                .cseq(new CSeq(1, method))
                .maxForwards(70)
                .contact(address("<sip:alice@127.0.0.1:5070>"))
                .build();
    }

    SipRequest invite() {
        return request(SipMethod.INVITE);
    }

    void fromUac(SipRequest request) {
        proxy.inboundHandler().onMessage(request, UAC_FLOW);
    }

    /** A downstream response to a forwarded request, with a To tag per port for finals and 1xx > 100. */
    static SipResponse answer(SipRequest forwarded, int status) {
        SipResponse.Builder builder = SipResponse.replyTo(forwarded, status);
        if (status > 100 && forwarded.to().tag().isEmpty()) {
            builder.to(forwarded.to().withTag("uas" + forwarded.requestUri().toString().hashCode()));
        }
        return builder.build();
    }

    /** Delivers a downstream response as if it came from the port the forwarded request went to. */
    void fromUas(SipRequest forwarded, int status) {
        fromUas(answer(forwarded, status), forwarded);
    }

    void fromUas(SipResponse response, SipRequest forwarded) {
        int port = ((SipUri) forwarded.requestUri()).port();
        proxy.inboundHandler().onMessage(response,
                new Flow(TransportType.UDP, InMemoryMessageSender.LOCAL, new InetSocketAddress("127.0.0.1", port), 0));
    }

    /** The one INVITE (or other method) forwarded to a port. */
    SipRequest forwardedTo(String method, int port) {
        List<SipRequest> list = sender.requestsTo(method, port);
        if (list.size() != 1) {
            throw new AssertionError("expected one " + method + " to port " + port + " but got " + list.size()
                    + ": " + sender.all());
        }
        return list.get(0);
    }
}
