package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.ua.TargetResolver;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whole calls through the proxy between two SIPp instances: the built-in {@code uac} puts the
 * {@code uas} in the Request-URI but sends every packet to the proxy ({@code -rsa}), the router's
 * target set is that uas, and the proxy record-routes. INVITE, 180, 200, ACK, BYE, 200 through the
 * proxy; every call must succeed, over UDP and TCP.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxySippTest {

    private static final int CALLS = Integer.getInteger("voxplane.test.sipp.calls", 200);
    private static final int RATE = Integer.getInteger("voxplane.test.sipp.rate", 100);

    private ScheduledThreadPoolExecutor scheduler;
    private ProxyEndpoint endpoint;

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
    void sippCallsGoThroughTheProxyOverUdp() {
        callsThroughProxy(TransportType.UDP, "u1");
    }

    @Test
    void sippCallsGoThroughTheProxyOverTcp() {
        callsThroughProxy(TransportType.TCP, "t1");
    }

    private void callsThroughProxy(TransportType transport, String sippMode) {
        int uasPort = Sipp.freePort();
        Target uas = new Target(transport, new InetSocketAddress(InetAddress.getLoopbackAddress(), uasPort));
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        // SIPp's in-dialog requests name the uas without transport=: keep them on the test's transport
        TargetResolver literal = TargetResolver.literalOnly();
        TargetResolver sameTransport = uri -> new Target(transport, literal.resolve(uri).address());
        endpoint = ProxyEndpoint.start(transport == TransportType.UDP ? ListenPoint.udp(any) : ListenPoint.tcp(any),
                TransportConfig.builder().build(), TransactionConfig.defaults(), sameTransport,
                Thread.ofPlatform().name("vx-test-io-", 0).daemon().factory(), scheduler,
                tx -> tx.proxyTo(ProxyTarget.via(tx.request().requestUri(), uas), ProxyOptions.parallel()));

        try (Sipp.Background callee = Sipp.uas(uasPort).transport(sippMode).timeout(Duration.ofSeconds(90))
                .startInBackground()) {
            callee.awaitBound(uasPort, transport.reliable(), Duration.ofSeconds(20));
            Sipp.Result caller = Sipp.uac("127.0.0.1:" + uasPort)
                    .option("-rsa", "127.0.0.1:" + endpoint.address().getPort())
                    .transport(sippMode)
                    .calls(CALLS)
                    .rate(RATE)
                    .callLength(Duration.ZERO)
                    .timeout(Duration.ofSeconds(60))
                    .run();
            Sipp.Result callee0 = callee.stop();

            assertEquals(CALLS, caller.successfulCalls(), caller.toString());
            assertEquals(0, caller.failedCalls(), caller.toString());
            assertEquals(0, caller.exitCode(), caller.toString());
            assertEquals(0, callee0.failedCalls(), callee0.toString());
        }
        assertEquals(0, endpoint.transport().statistics().parseErrors());
        assertEquals(CALLS, endpoint.proxy().acksForwarded(), "every 2xx ACK went through the proxy");
    }
}
