package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.CSeq;
import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proxied dialogs over real loopback UDP: a {@link ProxyEndpoint} record-routes calls between
 * {@link UdpSipPeer}s, and {@link ProxiedDialogs#terminateAll} must reach each peer with a BYE it
 * would accept (RFC 3261 s12.2.2: its dialog's Call-ID and tags, its Contact as Request-URI, the
 * route set toward it, a CSeq above anything the other side sent).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxiedDialogsUdpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AtomicInteger branches = new AtomicInteger();
    private final List<UdpSipPeer> peers = new ArrayList<>();
    private ScheduledThreadPoolExecutor scheduler;
    private ProxyEndpoint endpoint;

    @BeforeEach
    void setUp() {
        scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("vx-test-timer-", 0).daemon().factory());
    }

    @AfterEach
    void tearDown() {
        peers.forEach(UdpSipPeer::close);
        if (endpoint != null) {
            assertTrue(endpoint.stop(Duration.ofSeconds(10)), "transport stopped in time");
        }
        scheduler.shutdownNow();
    }

    /** A proxy on 127.0.0.1 that forks to every target named in the X-Targets header (ports), else to the Request-URI. */
    private void startProxy(UnaryOperator<ProxyConfig> configure) {
        endpoint = ProxyEndpoint.start(ListenPoint.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                TransportConfig.builder().build(), configure,
                Thread.ofPlatform().name("vx-test-io-", 0).daemon().factory(), scheduler,
                tx -> {
                    List<ProxyTarget> targets = tx.request().header("X-Targets")
                            .map(ports -> java.util.Arrays.stream(ports.split(","))
                                    .map(port -> ProxyTarget.of(ProxyHarness.uri("sip:bob@127.0.0.1:" + port.trim())))
                                    .toList())
                            .orElse(List.of(ProxyTarget.of(tx.request().requestUri())));
                    tx.proxyTo(targets, ProxyOptions.parallel());
                });
    }

    private UdpSipPeer peer() {
        UdpSipPeer peer = new UdpSipPeer(endpoint.address());
        peers.add(peer);
        return peer;
    }

    private Address proxyRoute() {
        return ProxyHarness.address("<sip:127.0.0.1:" + endpoint.address().getPort() + ";lr>");
    }

    private Via via(UdpSipPeer from) {
        return Via.of("UDP", "127.0.0.1", from.port(), "z9hG4bKpeer" + branches.incrementAndGet());
    }

    private SipRequest invite(UdpSipPeer caller, UdpSipPeer callee, String callId) {
        return SipRequest.builder(SipMethod.INVITE, ProxyHarness.uri("sip:bob@127.0.0.1:" + callee.port()))
                .via(via(caller))
                .from(ProxyHarness.address("<sip:alice@example.com>;tag=alice"))
                .to(ProxyHarness.address("<sip:bob@example.com>"))
                .callId(callId)
                .cseq(new CSeq(1, SipMethod.INVITE))
                .maxForwards(70)
                .contact(caller.address("alice", null))
                .build();
    }

    /** The callee's 2xx (s12.1.1): its tag and Contact, the Record-Route copied, {@code extra} on top. */
    private static SipResponse ok(SipRequest invite, UdpSipPeer callee, String tag, List<Address> extra) {
        List<Address> recordRoutes = new ArrayList<>(extra);
        recordRoutes.addAll(invite.recordRoutes());
        return SipResponse.replyTo(invite, 200)
                .to(invite.to().withTag(tag))
                .recordRoutes(recordRoutes)
                .contact(callee.address("bob", null))
                .build();
    }

    /** An in-dialog request: {@code from} and {@code to} with tags, sent to the proxy with {@code routes}. */
    private SipRequest inDialog(UdpSipPeer sender, String method, long cseq, SipRequest invite, Address from, Address to,
                                String requestUri, List<Address> routes) {
        return SipRequest.builder(method, ProxyHarness.uri(requestUri))
                .via(via(sender))
                .from(from)
                .to(to)
                .callId(invite.callId())
                .cseq(new CSeq(cseq, method))
                .maxForwards(70)
                .routes(routes)
                .build();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.yield();
        }
    }

    @Test
    void terminateAllReachesBothPeersWithByesTheyWouldAccept() throws Exception {
        startProxy(UnaryOperator.identity());
        UdpSipPeer caller = peer();
        UdpSipPeer callee = peer();
        // pretend proxies on both sides: one upstream that record-routed at the caller's address,
        // one downstream at the callee's, so the route sets toward each side are not empty
        Address upstream = caller.address(null, ";lr");
        Address downstream = callee.address(null, ";lr");
        SipRequest invite = invite(caller, callee, "held-1@test").toBuilder().recordRoute(upstream).build();
        caller.send(invite);
        SipRequest received = callee.request(SipMethod.INVITE);
        callee.send(ok(received, callee, "bob", List.of(downstream)));
        SipResponse answer = caller.response(200, SipMethod.INVITE);
        Address callerAddress = invite.from();
        Address calleeAddress = answer.to();
        // the caller's ACK and INFO as if the upstream proxy popped its own Route already
        caller.send(inDialog(caller, SipMethod.ACK, 1, invite, callerAddress, calleeAddress,
                "sip:bob@127.0.0.1:" + callee.port(), List.of(proxyRoute(), downstream)));
        callee.request(SipMethod.ACK);
        caller.send(inDialog(caller, SipMethod.INFO, 5, invite, callerAddress, calleeAddress,
                "sip:bob@127.0.0.1:" + callee.port(), List.of(proxyRoute(), downstream)));
        callee.ok(callee.request(SipMethod.INFO));
        caller.response(200, SipMethod.INFO);
        callee.send(inDialog(callee, SipMethod.INFO, 7, invite, calleeAddress, callerAddress,
                "sip:alice@127.0.0.1:" + caller.port(), List.of(proxyRoute(), upstream)));
        caller.ok(caller.request(SipMethod.INFO));
        callee.response(200, SipMethod.INFO);

        var ending = endpoint.proxy().dialogs().terminateAll(WAIT).toCompletableFuture();

        SipRequest toCaller = caller.request(SipMethod.BYE);
        assertEquals("sip:alice@127.0.0.1:" + caller.port(), toCaller.requestUri().toString());
        assertEquals("held-1@test", toCaller.callId());
        assertEquals("bob", toCaller.from().tag().orElseThrow());
        assertEquals("alice", toCaller.to().tag().orElseThrow());
        assertEquals(List.of(upstream.uri().toString()), toCaller.routes().stream().map(a -> a.uri().toString()).toList());
        assertTrue(toCaller.cseq().number() > 7, "above the callee's last CSeq: " + toCaller.cseq());
        assertEquals(ProxiedDialogs.DEFAULT_REASON, toCaller.header("Reason").orElseThrow());
        caller.ok(toCaller);

        SipRequest toCallee = callee.request(SipMethod.BYE);
        assertEquals("sip:bob@127.0.0.1:" + callee.port(), toCallee.requestUri().toString());
        assertEquals("held-1@test", toCallee.callId());
        assertEquals("alice", toCallee.from().tag().orElseThrow());
        assertEquals("bob", toCallee.to().tag().orElseThrow());
        assertEquals(List.of(downstream.uri().toString()), toCallee.routes().stream().map(a -> a.uri().toString()).toList());
        assertTrue(toCallee.cseq().number() > 5, "above the caller's last CSeq: " + toCallee.cseq());
        callee.ok(toCallee);

        assertEquals(new ProxiedDialogTermination(1, 2, 2, 0, 0), ending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, endpoint.proxy().dialogs().size());
    }

    @Test
    void aByePassingThroughEndsTheTrackedDialog() throws Exception {
        startProxy(UnaryOperator.identity());
        UdpSipPeer caller = peer();
        UdpSipPeer callee = peer();
        SipRequest invite = invite(caller, callee, "bye-1@test");
        caller.send(invite);
        callee.send(ok(callee.request(SipMethod.INVITE), callee, "bob", List.of()));
        SipResponse answer = caller.response(200, SipMethod.INVITE);
        assertEquals(1, endpoint.proxy().dialogs().size(), "tracked before the 2xx went upstream");

        caller.send(inDialog(caller, SipMethod.BYE, 2, invite, invite.from(), answer.to(),
                "sip:bob@127.0.0.1:" + callee.port(), List.of(proxyRoute())));
        callee.ok(callee.request(SipMethod.BYE));
        caller.response(200, SipMethod.BYE);

        // endedByBye is counted just after the dialog leaves the table: wait for the count.
        await(() -> endpoint.proxy().dialogs().endedByBye() == 1, "the dialog to end by its BYE");
        assertEquals(0, endpoint.proxy().dialogs().size());
        assertEquals(ProxiedDialogTermination.NONE,
                endpoint.proxy().dialogs().terminateAll(WAIT).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void forkedTwoHundredsAreTwoDialogsEachEndedWithItsOwnByes() throws Exception {
        startProxy(UnaryOperator.identity());
        UdpSipPeer caller = peer();
        UdpSipPeer first = peer();
        UdpSipPeer second = peer();
        SipRequest invite = invite(caller, first, "fork-1@test").toBuilder()
                .header("X-Targets", first.port() + "," + second.port()).build();
        caller.send(invite);
        SipRequest atFirst = first.request(SipMethod.INVITE);
        SipRequest atSecond = second.request(SipMethod.INVITE);
        first.send(ok(atFirst, first, "bob1", List.of()));
        caller.response(200, SipMethod.INVITE);
        second.send(ok(atSecond, second, "bob2", List.of()));
        SipResponse secondAnswer = caller.response(200, SipMethod.INVITE);
        assertEquals("bob2", secondAnswer.to().tag().orElseThrow(), "the second fork's 2xx went upstream too");
        assertEquals(2, endpoint.proxy().dialogs().size());

        var ending = endpoint.proxy().dialogs().terminateAll(WAIT).toCompletableFuture();

        SipRequest toFirst = first.request(SipMethod.BYE);
        assertEquals("bob1", toFirst.to().tag().orElseThrow());
        first.ok(toFirst);
        SipRequest toSecond = second.request(SipMethod.BYE);
        assertEquals("bob2", toSecond.to().tag().orElseThrow());
        second.ok(toSecond);
        SipRequest one = caller.request(SipMethod.BYE);
        caller.ok(one);
        SipRequest other = caller.request(SipMethod.BYE);
        caller.ok(other);
        Set<String> fromTags = Set.of(one, other).stream().map(b -> b.from().tag().orElseThrow()).collect(Collectors.toSet());
        assertEquals(Set.of("bob1", "bob2"), fromTags, "one BYE to the caller per dialog");
        assertEquals(new ProxiedDialogTermination(2, 4, 4, 0, 0), ending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void pastTheLimitTheCallGoesThroughUntrackedAndGetsNoBye() throws Exception {
        startProxy(config -> config.withMaxDialogs(1));
        UdpSipPeer caller = peer();
        UdpSipPeer callee = peer();
        caller.send(invite(caller, callee, "tracked@test"));
        callee.send(ok(callee.request(SipMethod.INVITE), callee, "bob", List.of()));
        caller.response(200, SipMethod.INVITE);
        caller.send(invite(caller, callee, "untracked@test"));
        callee.send(ok(callee.request(SipMethod.INVITE), callee, "bob", List.of()));
        SipResponse second = caller.response(200, SipMethod.INVITE);
        assertEquals("untracked@test", second.callId(), "the call over the limit was still proxied");
        assertEquals(1, endpoint.proxy().dialogs().untrackedOverLimit());
        assertEquals(1, endpoint.proxy().dialogs().size());

        var ending = endpoint.proxy().dialogs().terminateAll(WAIT).toCompletableFuture();
        SipRequest toCaller = caller.request(SipMethod.BYE);
        assertEquals("tracked@test", toCaller.callId());
        caller.ok(toCaller);
        SipRequest toCallee = callee.request(SipMethod.BYE);
        assertEquals("tracked@test", toCallee.callId());
        callee.ok(toCallee);

        assertEquals(new ProxiedDialogTermination(1, 2, 2, 0, 0), ending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void anUnansweredByeIsRetransmittedUntilTheTimeoutCompletesTheStage() throws Exception {
        startProxy(UnaryOperator.identity());
        UdpSipPeer caller = peer();
        UdpSipPeer callee = peer();
        caller.send(invite(caller, callee, "silent@test"));
        callee.send(ok(callee.request(SipMethod.INVITE), callee, "bob", List.of()));
        caller.response(200, SipMethod.INVITE);
        assertEquals(1, endpoint.proxy().dialogs().size(), "tracked before the 2xx went upstream");

        var ending = endpoint.proxy().dialogs().terminateAll(Duration.ofSeconds(2)).toCompletableFuture();
        SipRequest first = callee.request(SipMethod.BYE);
        SipRequest again = callee.request(SipMethod.BYE);
        assertEquals(first.topVia(), again.topVia(), "Timer E retransmission of the same client transaction");
        caller.ok(caller.request(SipMethod.BYE));

        assertEquals(new ProxiedDialogTermination(1, 2, 1, 0, 1), ending.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }
}
