package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.TargetResolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Held calls between two SIPp instances through the proxy, ended by the proxy: SIPp's caller
 * ({@code sipp/proxied-hold-uac.xml}, every packet to the proxy with {@code -rsa}) calls SIPp's
 * callee ({@code sipp/proxied-hold-uas.xml}); both keep the call up until they receive a BYE and
 * answer it. Once the proxy tracks every call, {@link ProxiedDialogs#terminateAll} must end each
 * one at both ends: both SIPp instances exit 0 with every call successful. Over UDP and TCP (the
 * BYE toward the caller reuses its connection).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxiedDialogsSippTest {

    private static final int CALLS = Integer.getInteger("voxplane.test.sipp.held-calls", 20);
    private static final Duration WAIT = Duration.ofSeconds(30);

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

    @ParameterizedTest
    @EnumSource(value = TransportType.class, names = {"UDP", "TCP"})
    void terminateAllEndsEveryHeldCallAtBothSippInstances(TransportType transport) throws Exception {
        String mode = transport == TransportType.UDP ? "u1" : "t1";
        int uasPort = Sipp.freePort();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        // SIPp's URIs carry transport=; its in-dialog requests name the uas: keep them on the test's transport
        TargetResolver literal = TargetResolver.literalOnly();
        TargetResolver sameTransport = uri -> new Target(transport, literal.resolve(uri).address());
        endpoint = ProxyEndpoint.start(transport == TransportType.UDP ? ListenPoint.udp(any) : ListenPoint.tcp(any),
                TransportConfig.builder().build(), TransactionConfig.defaults(), sameTransport,
                Thread.ofPlatform().name("vx-test-io-", 0).daemon().factory(), scheduler,
                tx -> tx.proxyTo(ProxyTarget.of(tx.request().requestUri()), ProxyOptions.parallel()));

        try (Sipp.Background callee = Sipp.serverScenario(resource("proxied-hold-uas.xml"), uasPort).transport(mode)
                .calls(CALLS).timeout(Duration.ofSeconds(90)).startInBackground()) {
            callee.awaitBound(uasPort, transport.reliable(), Duration.ofSeconds(20));
            Sipp.Background caller = Sipp.scenario(resource("proxied-hold-uac.xml"), "127.0.0.1:" + uasPort)
                    .option("-rsa", "127.0.0.1:" + endpoint.address().getPort())
                    .transport(mode)
                    .calls(CALLS)
                    .rate(50)
                    .timeout(Duration.ofSeconds(90))
                    .startInBackground();
            try (caller) {
                StatefulProxy proxy = endpoint.proxy();
                await(() -> proxy.dialogs().size() == CALLS && proxy.acksForwarded() == CALLS,
                        () -> "every call up: " + proxy.dialogs().size() + " dialogs, " + proxy.acksForwarded() + " ACKs");

                ProxiedDialogTermination ended = proxy.dialogs().terminateAll(WAIT).toCompletableFuture()
                        .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);

                assertEquals(new ProxiedDialogTermination(CALLS, 2 * CALLS, 2 * CALLS, 0, 0), ended);
                Sipp.Result callerResult = caller.awaitOrStop(WAIT);
                Sipp.Result calleeResult = callee.awaitOrStop(WAIT);
                assertEquals(CALLS, callerResult.successfulCalls(), "every caller got its BYE: " + callerResult);
                assertEquals(0, callerResult.exitCode(), callerResult.toString());
                assertEquals(CALLS, calleeResult.successfulCalls(), "every callee got its BYE: " + calleeResult);
                assertEquals(0, calleeResult.exitCode(), calleeResult.toString());
                assertEquals(0, proxy.dialogs().size());
            }
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what.get());
            }
            Thread.yield();
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(ProxiedDialogsSippTest.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
