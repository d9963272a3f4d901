package io.voxplane.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.SipUri;
import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.OutgoingCall;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whole calls between the stack and SIPp, an independent SIP implementation, in both directions
 * and over UDP and TCP: SIPp's built-in {@code uac} calls a {@link SipEndpoint} that answers with
 * 180 and 200 (INVITE, 180, 200, ACK, BYE, 200), and a {@link SipEndpoint} calls SIPp's built-in
 * {@code uas} and hangs up. Every call must succeed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SippCallsTest {

    private static final int CALLS = Integer.getInteger("voxplane.test.sipp.calls", 200);
    private static final int RATE = Integer.getInteger("voxplane.test.sipp.rate", 200);
    /** Calls the stack places at once towards SIPp's uas. */
    private static final int WAVE = 10;
    private static final byte[] SDP = ("v=0\r\no=vx 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n").getBytes(StandardCharsets.US_ASCII);

    private ScheduledThreadPoolExecutor scheduler;
    private SipEndpoint endpoint;

    @BeforeEach
    void setUp() {
        assumeTrue(Sipp.installed(), "sipp is not installed (apt-get install sip-tester)");
        scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("vx-test-timer-", 0).daemon().factory());
    }

    @AfterEach
    void tearDown() {
        if (endpoint != null) {
            assertTrue(endpoint.stop(Duration.ofSeconds(10)), "transport stopped in time");
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Test
    void sippUacCallsTheStackOverUdp() {
        sippCallsTheStack(TransportType.UDP, "u1");
    }

    @Test
    void sippUacCallsTheStackOverTcp() {
        sippCallsTheStack(TransportType.TCP, "t1");
    }

    @Test
    void stackCallsSippUasOverUdp() throws Exception {
        stackCallsSipp(TransportType.UDP, "u1");
    }

    @Test
    void stackCallsSippUasOverTcp() throws Exception {
        stackCallsSipp(TransportType.TCP, "t1");
    }

    private void sippCallsTheStack(TransportType transport, String sippMode) {
        endpoint = start(transport);
        Sipp.Result result = Sipp.uac("127.0.0.1:" + endpoint.address().getPort())
                .transport(sippMode)
                .calls(CALLS)
                .rate(RATE)
                .callLength(Duration.ZERO)
                .timeout(Duration.ofSeconds(60))
                .run();

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(CALLS, result.successfulCalls(), result.toString());
        assertEquals(0, result.failedCalls(), result.toString());
        assertEquals(0, endpoint.transport().statistics().parseErrors());
        assertEquals(0, endpoint.userAgent().activeCalls(), "every dialog ended with its BYE");
    }

    private void stackCallsSipp(TransportType transport, String sippMode) throws Exception {
        endpoint = start(transport);
        int port = Sipp.freePort();
        int calls = Math.min(CALLS, 100);
        try (Sipp.Background uas = Sipp.uas(port).transport(sippMode).calls(calls)
                .timeout(Duration.ofSeconds(60)).startInBackground()) {
            Target target = new Target(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            uas.awaitBound(port, sippMode.startsWith("t"), Duration.ofSeconds(20));
            Address from = Address.of(SipUri.builder().scheme("sip").user("alice").host("127.0.0.1").build());
            Address to = Address.of(SipUri.builder().scheme("sip").user("service").host("127.0.0.1").port(port).build());

            // Waves of WAVE calls: SIPp's built-in uas aborts a call on a repeated ACK, which the
            // stack rightly sends when a late ACK crosses SIPp's 200 retransmission; a burst of
            // all calls at once on a cold JVM makes that likely, waves keep ACKs under T1.
            for (int first = 0; first < calls; first += WAVE) {
                List<CompletableFuture<SipResponse>> byes = new ArrayList<>();
                for (int i = first; i < Math.min(calls, first + WAVE); i++) {
                    OutgoingCall call = endpoint.userAgent().call(from, to, target, "application/sdp", SDP);
                    byes.add(call.answered().thenCompose(ok -> call.hangup()));
                }
                for (CompletableFuture<SipResponse> bye : byes) {
                    assertEquals(200, bye.get(30, TimeUnit.SECONDS).status());
                }
            }
            Sipp.Result result = uas.awaitOrStop(Duration.ofSeconds(30));
            assertEquals(calls, result.successfulCalls(), result.toString());
            assertEquals(0, result.failedCalls(), result.toString());
            assertEquals(0, result.exitCode(), result.toString());
        }
        assertEquals(0, endpoint.userAgent().activeCalls());
    }

    private SipEndpoint start(TransportType transport) {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        ListenPoint listen = transport == TransportType.UDP ? ListenPoint.udp(any) : ListenPoint.tcp(any);
        return SipEndpoint.start(listen, Thread.ofPlatform().name("vx-test-io-", 0).daemon().factory(), scheduler,
                call -> {
                    call.ringing();
                    call.answer("application/sdp", SDP);
                });
    }
}
