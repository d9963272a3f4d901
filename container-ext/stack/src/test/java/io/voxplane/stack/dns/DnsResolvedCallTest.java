package io.voxplane.stack.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipParseException;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.SipTransportLayer;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.CallEnd;
import io.voxplane.stack.ua.IncomingCall;
import io.voxplane.stack.ua.IncomingCallHandler;
import io.voxplane.stack.ua.OutgoingCall;
import io.voxplane.stack.ua.TargetResolver;
import io.voxplane.stack.ua.UserAgent;
import io.voxplane.stack.ua.UserAgentConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: a user agent calls {@code sip:bob@callee.test}; the DNS double holds
 * {@code _sip._udp.callee.test SRV 0 0 <port> callee.test} and {@code callee.test A 127.0.0.1},
 * where another user agent listens on real UDP loopback. The call connects and hangs up.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DnsResolvedCallTest {

    private static final byte[] SDP = ("v=0\r\no=vx 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ThreadFactory ioThreads = Thread.ofPlatform().daemon().name("dns-call-io-", 0).factory();
    private final List<SipTransportLayer> transports = new ArrayList<>();

    private record Node(UserAgent agent, int port) {
    }

    private Node node(IncomingCallHandler handler, TargetResolver resolver) {
        AtomicReference<InboundMessageHandler> inbound = new AtomicReference<>();
        SipTransportLayer transport = new SipTransportLayer(
                TransportConfig.of(ListenPoint.udp(new InetSocketAddress("127.0.0.1", 0))), ioThreads,
                (message, flow) -> inbound.get().onMessage(message, flow));
        transports.add(transport);
        transport.start();
        int port = transport.boundListenPoints().get(0).address().getPort();
        UserAgent agent = new UserAgent(transport, new ScheduledTimerService(scheduler),
                UserAgentConfig.of("127.0.0.1", port, TransportType.UDP), handler, resolver);
        inbound.set(agent.inboundHandler());
        return new Node(agent, port);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (SipTransportLayer transport : transports) {
            assertTrue(transport.stop(Duration.ofSeconds(10)));
        }
        scheduler.shutdownNow();
        assertTrue(scheduler.awaitTermination(5, TimeUnit.SECONDS));
    }

    private static Address address(String text) {
        try {
            return Address.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void callToAHostNameReachesThePeerItsSrvRecordNames() throws Exception {
        CompletableFuture<IncomingCall> received = new CompletableFuture<>();
        Node bob = node(call -> {
            call.ringing();
            call.answer("application/sdp", SDP);
            received.complete(call);
        }, TargetResolver.literalOnly());
        try (DnsServerDouble dns = new DnsServerDouble()) {
            dns.srv("_sip._udp.callee.test", 0, 0, bob.port(), "callee.test").a("callee.test", "127.0.0.1");
            // 5 s: a late answer from the double on a loaded machine must not make JNDI ask twice
            DnsConfig config = DnsConfig.defaults().withServers(List.of(dns.address()))
                    .withTimeout(Duration.ofSeconds(5), 2);
            Node alice = node(IncomingCallHandler.rejectAll(), new DnsTargetResolver(
                    new DnsCache(new JndiDnsClient(config), config, java.time.InstantSource.system()), new Random(1)));

            OutgoingCall call = alice.agent().call(address("<sip:alice@127.0.0.1:" + alice.port() + ">"),
                    address("<sip:bob@callee.test>"), null, "application/sdp", SDP);

            assertEquals(200, call.answered().get(10, TimeUnit.SECONDS).status());
            IncomingCall bobSide = received.get(10, TimeUnit.SECONDS);
            assertEquals("callee.test", ((io.voxplane.sip.SipUri) bobSide.invite().requestUri()).host(),
                    "the Request-URI keeps the host name");
            bobSide.acknowledged().get(10, TimeUnit.SECONDS);
            assertEquals(200, call.hangup().get(10, TimeUnit.SECONDS).status());
            assertEquals(CallEnd.Reason.REMOTE_BYE, bobSide.ended().get(10, TimeUnit.SECONDS).reason());
            assertEquals(1, dns.queries("_sip._udp.callee.test", "SRV"));
        }
    }
}
