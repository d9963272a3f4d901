package io.voxplane.stack.b2bua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipUri;
import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.timer.ScheduledTimerService;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.SipTransportLayer;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.UserAgentConfig;
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
 * Whole calls through the B2BUA between two SIPp instances: the built-in {@code uac} calls the
 * B2BUA, which bridges each call to the built-in {@code uas} (a new INVITE on its own dialog).
 * INVITE/180/200/ACK on both legs; the uac's BYE ends both. Every call must succeed on both sides.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class B2buaSippTest {

    private static final int CALLS = Integer.getInteger("voxplane.test.sipp.calls", 200);
    private static final int RATE = Integer.getInteger("voxplane.test.sipp.rate", 100);

    private ScheduledThreadPoolExecutor scheduler;
    private SipTransportLayer transport;
    private B2bua b2bua;

    @BeforeEach
    void setUp() {
        assumeTrue(Sipp.installed(), "sipp is not installed (apt-get install sip-tester)");
        scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("vx-test-timer-", 0).daemon().factory());
    }

    @AfterEach
    void tearDown() {
        if (b2bua != null) {
            b2bua.shutdown();
        }
        if (transport != null) {
            assertTrue(transport.stop(Duration.ofSeconds(10)), "transport stopped in time");
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Test
    void sippCallsAreBridgedOverUdp() {
        bridge(TransportType.UDP, "u1");
    }

    @Test
    void sippCallsAreBridgedOverTcp() {
        bridge(TransportType.TCP, "t1");
    }

    private void bridge(TransportType type, String sippMode) {
        int uasPort = Sipp.freePort();
        Target uas = new Target(type, new InetSocketAddress(InetAddress.getLoopbackAddress(), uasPort));
        Address callee = Address.of(SipUri.builder().scheme("sip").user("service").host("127.0.0.1").port(uasPort).build());
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HandOff handOff = new HandOff();
        transport = new SipTransportLayer(TransportConfig.builder()
                .listen(type == TransportType.UDP ? ListenPoint.udp(any) : ListenPoint.tcp(any)).build(),
                Thread.ofPlatform().name("vx-test-io-", 0).daemon().factory(), handOff);
        transport.start();
        int port = transport.boundListenPoints().get(0).address().getPort();
        // SIPp's built-in uas aborts a call when an INVITE retransmission crosses its 200 (it then
        // waits for the ACK only); with T1 at 500 ms that happens on this shared 2-core machine
        // while the JIT warms up. A longer T1 keeps the B leg from retransmitting into that race.
        UserAgentConfig config = UserAgentConfig.of("127.0.0.1", port, type)
                .withTransactions(TransactionConfig.defaults().withT1(Duration.ofSeconds(2)));
        b2bua = new B2bua(transport, new ScheduledTimerService(scheduler), config,
                invite -> B2buaRoute.bridgeTo(callee, uas));
        handOff.target = b2bua.inboundHandler();

        try (Sipp.Background calleeSipp = Sipp.uas(uasPort).transport(sippMode).calls(CALLS).timeout(Duration.ofSeconds(90))
                .startInBackground()) {
            calleeSipp.awaitBound(uasPort, type.reliable(), Duration.ofSeconds(20));
            Sipp.Result caller = Sipp.uac("127.0.0.1:" + port)
                    .transport(sippMode)
                    .calls(CALLS)
                    .rate(RATE)
                    .callLength(Duration.ZERO)
                    .timeout(Duration.ofSeconds(60))
                    .run();
            Sipp.Result calleeResult = calleeSipp.awaitOrStop(Duration.ofSeconds(20));

            assertEquals(CALLS, caller.successfulCalls(), caller.toString());
            assertEquals(0, caller.failedCalls(), caller.toString());
            assertEquals(0, caller.exitCode(), caller.toString());
            assertEquals(CALLS, calleeResult.successfulCalls(), calleeResult.toString());
            assertEquals(0, calleeResult.failedCalls(), calleeResult.toString());
        }
        assertEquals(0, b2bua.activeCalls(), "every bridged call ended");
    }

    private static final class HandOff implements InboundMessageHandler {
        private volatile InboundMessageHandler target;

        @Override
        public void onMessage(SipMessage message, Flow flow) {
            InboundMessageHandler handler = target;
            if (handler != null) {
                handler.onMessage(message, flow);
            }
        }
    }
}
