package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.app.fixtures.DialogApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.config.ConfigLookup;
import io.voxplane.runtime.config.VoxplaneSettings;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.stack.dns.DnsServerDouble;
import io.voxplane.stack.sipp.Sipp;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The container resolves an app's B2BUA target by DNS (RFC 3263): {@code createB2bua} to
 * {@code sip:callee@callee.test}, with {@code voxplane.dns.servers} pointing at a DNS double that
 * holds {@code _sip._udp.callee.test SRV 0 0 <port> callee.test} and {@code callee.test A
 * 127.0.0.1}, where a SIPp uas listens. Every call connects through the bridge.
 */
@Timeout(120)
class AppB2buaToHostNameSippTest {

    private static final int CALLS = 3;

    /** The double's address for the settings below; set before each container starts. */
    private static volatile InetSocketAddress dnsServer;

    @ApplicationScoped
    static class DnsSettings {
        @Produces
        @Singleton
        VoxplaneSettings settings() {
            return VoxplaneSettings.from(ConfigLookup.of(Map.of(
                    VoxplaneSettings.TRANSPORT_LISTEN, "udp:127.0.0.1:0",
                    VoxplaneSettings.EVENT_LOOP_THREADS, "1",
                    VoxplaneSettings.TIMER_T1, "PT2S",
                    VoxplaneSettings.TIMER_T2, "PT4S",
                    VoxplaneSettings.STOP_TIMEOUT, "PT5S",
                    VoxplaneSettings.DNS_SERVERS, "127.0.0.1:" + dnsServer.getPort(),
                    // 5 s: the test counts SRV queries, and JNDI asks again when the double answers late
                    VoxplaneSettings.DNS_TIMEOUT, "5000")));
        }
    }

    private DnsServerDouble dns;
    private WeldContainer container;
    private String remote;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Sipp.installed(), "sipp is not installed (apt-get install sip-tester)");
        dns = new DnsServerDouble();
        dnsServer = dns.address();
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, LocalBus.class, TaskTrackers.class,
                        TestConcurrencyResources.class, DnsSettings.class, AppRequestDispatcher.class,
                        ActiveDialogs.class, DialogApp.class, Recorder.class)
                .initialize();
        remote = "127.0.0.1:" + container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow()
                .getPort();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (container != null) {
            container.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    private static Path scenario(String name) {
        try {
            return Path.of(AppB2buaToHostNameSippTest.class.getResource("/sipp/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void b2buaToAHostNameReachesThePeerItsSrvRecordNames() {
        int uasPort = Sipp.freePort();
        dns.srv("_sip._udp.callee.test", 0, 0, uasPort, "callee.test").a("callee.test", "127.0.0.1");
        try (Sipp.Background callee = Sipp.uas(uasPort).calls(CALLS).timeout(Duration.ofSeconds(90))
                .startInBackground()) {
            callee.awaitBound(uasPort, false, Duration.ofSeconds(20));
            Sipp.Result caller = Sipp.scenario(scenario("uac-bridge-caller-hangs-up.xml"), remote)
                    .option("-s", "bridge").key("target", "sip:callee@callee.test")
                    .option("-p", Integer.toString(Sipp.freePort())).calls(CALLS).rate(10)
                    .timeout(Duration.ofSeconds(60)).run();
            Sipp.Result calleeResult = callee.awaitOrStop(Duration.ofSeconds(20));

            assertEquals(0, caller.failedCalls(), caller.toString());
            assertEquals(CALLS, caller.successfulCalls(), caller.toString());
            assertEquals(CALLS, calleeResult.successfulCalls(), calleeResult.toString());
            assertEquals(0, calleeResult.failedCalls(), calleeResult.toString());
        }
        assertEquals(1, dns.queries("_sip._udp.callee.test", "SRV"), "the SRV answer was cached: " + dns.queryLog());
    }
}
