package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.sipp.Sipp;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIPp, an independent SIP implementation, places calls (its built-in {@code uac} scenario:
 * INVITE, ACK, BYE) to a stateless test responder behind the transport layer, over UDP and over
 * one TCP connection.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SippInteropTest {

    /** Calls per run; raise with -Dvoxplane.test.sipp.calls for a short load run. */
    private static final int CALLS = Integer.getInteger("voxplane.test.sipp.calls", 100);
    /** Calls per second; -Dvoxplane.test.sipp.rate. */
    private static final int RATE = Integer.getInteger("voxplane.test.sipp.rate", 100);

    private final AtomicLong failedSends = new AtomicLong();
    private SipTransportLayer layer;

    /** Answers INVITE and BYE with 200 (with a To tag), ignores ACK: enough for SIPp's uac. */
    private void respond(SipMessage message, Flow flow) {
        if (!(message instanceof SipRequest request) || request.isAck()) {
            return;
        }
        SipResponse ok = SipResponse.replyTo(request, 200)
                .to(request.to().tag().isPresent() ? request.to() : request.to().withTag("vx-" + request.callId().hashCode()))
                .build();
        layer.sendResponse(ok, flow).whenComplete((f, e) -> {
            if (e != null) {
                failedSends.incrementAndGet();
            }
        });
    }

    @BeforeEach
    void start() {
        assumeTrue(Sipp.installed(), "sipp is not installed");
        layer = new SipTransportLayer(TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)),
                        ListenPoint.tcp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .build(), new TrackingThreadFactory(), this::respond);
        layer.start();
    }

    @AfterEach
    void stop() {
        if (layer != null) {
            assertTrue(layer.stop(Duration.ofSeconds(10)));
        }
    }

    @Test
    void sippCallsOverUdpAllSucceed() {
        assertAllCallsSucceed(layer.boundListenPoints().get(0).address(), "u1");
    }

    @Test
    void sippCallsOverOneTcpConnectionAllSucceed() {
        assertAllCallsSucceed(layer.boundListenPoints().get(1).address(), "t1");
        assertEquals(1, layer.statistics().connectionsOpened());
    }

    private void assertAllCallsSucceed(InetSocketAddress server, String mode) {
        Sipp.Result result = Sipp.uac("127.0.0.1:" + server.getPort())
                .transport(mode)
                .calls(CALLS)
                .rate(RATE)
                .callLength(Duration.ZERO)
                .timeout(Duration.ofSeconds(40))
                .run();

        System.out.println("SIPp " + mode + ": " + result.successfulCalls() + " calls ok, " + result.failedCalls()
                + " failed, " + result.retransmissions() + " retransmissions; transport " + layer.statistics());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(CALLS, result.successfulCalls(), result.toString());
        assertEquals(0, failedSends.get());
        TransportStatistics stats = layer.statistics();
        assertEquals(0, stats.parseErrors(), stats.toString());
        // INVITE, ACK and BYE per call; 200 to INVITE and BYE.
        assertTrue(stats.messagesReceived() >= 3L * CALLS, stats.toString());
        assertTrue(stats.messagesSent() >= 2L * CALLS, stats.toString());
    }
}
