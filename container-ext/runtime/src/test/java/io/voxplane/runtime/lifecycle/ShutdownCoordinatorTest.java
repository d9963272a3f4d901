package io.voxplane.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.NoAppRequestDispatcher;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.signaling.SignalingPlaneReadiness;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import jakarta.inject.Inject;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The phased shutdown over both planes in Weld with real sockets on loopback: phases in order,
 * each confirmed by both planes; new requests refused with 503 during INITIATED while in-dialog
 * ones pass; calls ended while the transport still runs; ports free and nothing left running.
 */
@EnableWeld
@Timeout(60)
class ShutdownCoordinatorTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(TransportPlane.class, SignalingPlane.class, LocalBus.class,
            TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, NoAppRequestDispatcher.class,
            ShutdownCoordinator.class, ShutdownReadiness.class, SignalingPlaneReadiness.class,
            LoggingDiscoveryRegistration.class, GatedDiscovery.class, FakeCallTerminator.class,
            GenerousShutdownSettings.class);

    @Inject
    ShutdownCoordinator coordinator;

    @Inject
    TransportPlane transport;

    @Inject
    SignalingPlane signaling;

    @Inject
    TaskTrackers trackers;

    @Inject
    GatedDiscovery discovery;

    @Inject
    FakeCallTerminator calls;

    @Inject
    @Readiness
    ShutdownReadiness readiness;

    @Inject
    @Readiness
    SignalingPlaneReadiness signalingReadiness;

    @Test
    void phasesRunInOrderEachConfirmedByBothPlanesAndTimed() {

        ShutdownReport report = coordinator.shutdown("test");

        assertEquals(List.of(ShutdownPhase.INITIATED, ShutdownPhase.DRAINING, ShutdownPhase.TERMINATING,
                ShutdownPhase.COMPLETED), report.phases().stream().map(PhaseReport::phase).toList());
        for (PhaseReport phase : report.phases()) {
            assertEquals(List.of("signaling", "transport"), phase.confirmedBy().stream().sorted().toList(),
                    phase.phase() + " confirmed by both planes: " + report);
            assertFalse(phase.forced(), phase.phase() + " not forced");
            assertTrue(phase.millis() >= 0 && phase.startMillis() <= report.totalMillis());
        }
        for (int i = 1; i < report.phases().size(); i++) {
            assertTrue(report.phases().get(i).startMillis() >= report.phases().get(i - 1).startMillis(),
                    "phases start in order");
        }
        assertTrue(report.clean(), report.summary());
        assertEquals(ShutdownPhase.COMPLETED, coordinator.phase());
        assertEquals(report, coordinator.report().orElseThrow());
        assertSame(report, coordinator.shutdown("again"), "shutdown runs once");
        assertEquals(PlaneState.STOPPED, transport.state());
        assertEquals(PlaneState.STOPPED, signaling.state());
    }

    @Test
    void initiatedAnswersNewRequestsWith503AndRetryAfterWhileInDialogRequestsStillPass() throws Exception {
        InetSocketAddress server = udpAddress();
        discovery.hold();
        CompletableFuture<ShutdownReport> shutdown = CompletableFuture.supplyAsync(() -> coordinator.shutdown("test"));
        assertTrue(discovery.awaitEntered(), "shutdown reached discovery deregistration in INITIATED");
        assertEquals(ShutdownPhase.INITIATED, coordinator.phase());
        Await.until(signaling::isRefusingNewRequests, Duration.ofSeconds(10), "signaling refuses new requests");
        assertEquals(HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        assertEquals(HealthCheckResponse.Status.DOWN, signalingReadiness.call().getStatus());

        try (UdpPeer peer = new UdpPeer(server)) {
            for (String method : List.of("INVITE", "REGISTER", "OPTIONS", "SUBSCRIBE")) {
                peer.send(method, "new-" + method, null);
                SipResponse response = peer.receiveFinal();
                assertEquals(503, response.status(), method);
                assertEquals(GenerousShutdownSettings.RETRY_AFTER, response.header("Retry-After").orElse(""), method);
                assertTrue(response.to().tag().isPresent(), "a final response has a To tag");
            }
            // In a dialog: the request reaches the transaction layer and the dispatcher, which knows no
            // such dialog here (481, RFC 3261 s12.2.2); with the dialog layer it is answered 200.
            peer.send("BYE", "in-dialog", "b-1");
            assertEquals(481, peer.receiveFinal().status(), "in-dialog BYE processed, not refused");
        }
        discovery.open();
        assertTrue(shutdown.get(30, TimeUnit.SECONDS).clean());
    }

    @Test
    void callsAreEndedInTerminatingWhileTheTransportStillRunsThenPortsAreFree() throws Exception {
        List<ListenPoint> bound = transport.listenPoints();
        calls.hold(5);

        ShutdownReport report = coordinator.shutdown("test");

        assertEquals(5, report.callsAtStart());
        assertEquals(0, report.callsLeft());
        assertEquals(5, calls.callsWhenTerminated(), "drain window 0: the calls were ended, not waited for");
        assertEquals(PlaneState.RUNNING, calls.transportWhenTerminated(), "transport still up to carry the BYEs");
        for (ListenPoint point : bound) {
            if (point.transport() == TransportType.UDP) {
                new DatagramSocket(point.address()).close();
            } else {
                new ServerSocket(point.address().getPort(), 1, point.address().getAddress()).close();
            }
        }
    }

    @Test
    void nothingTrackedAndNoVoxplaneThreadIsLeftAfterShutdown() throws Exception {
        assertFalse(trackers.leaks().isEmpty(), "the transport's event loop runs before shutdown");

        ShutdownReport report = coordinator.shutdown("test");

        assertEquals(List.of(), report.leaks());
        trackers.assertNoLeaks(Duration.ofSeconds(5));
        trackers.statistics().forEach((name, statistics) -> assertEquals(0, statistics.active(), name));
    }

    private InetSocketAddress udpAddress() {
        return transport.listenPoints().stream().filter(p -> p.transport() == TransportType.UDP)
                .map(ListenPoint::address).findFirst().orElseThrow();
    }

}
