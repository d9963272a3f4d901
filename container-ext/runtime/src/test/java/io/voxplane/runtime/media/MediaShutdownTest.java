package io.voxplane.runtime.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Await;
import io.voxplane.runtime.PlaneState;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.ActiveDialogs;
import io.voxplane.runtime.app.AppCallTerminator;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.app.fixtures.MediaApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.events.MediaFunctionSpec;
import io.voxplane.runtime.events.MediaRejected;
import io.voxplane.runtime.events.OpenMedia;
import io.voxplane.runtime.lifecycle.GatedDiscovery;
import io.voxplane.runtime.lifecycle.GenerousShutdownSettings;
import io.voxplane.runtime.lifecycle.PhaseReport;
import io.voxplane.runtime.lifecycle.ShutdownCoordinator;
import io.voxplane.runtime.lifecycle.ShutdownPhase;
import io.voxplane.runtime.lifecycle.ShutdownReport;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The media plane in the phased shutdown, all three planes in Weld over real UDP on loopback: a
 * call with open media gets the node's BYE, its RTP port is free afterwards and no media task or
 * thread is left, every phase confirmed by the media plane; once INITIATED began, a new INVITE
 * with an offer gets 503 with Retry-After and an offer that reaches the media plane is refused
 * with 503 and the same Retry-After (not 488).
 */
@Timeout(60)
class MediaShutdownTest {

    private WeldContainer container;
    private MediaPhone phone;
    private Recorder recorder;
    private MediaPlane media;
    private ShutdownCoordinator coordinator;
    private InetSocketAddress server;

    @BeforeEach
    void start() throws Exception {
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, MediaPlane.class, LocalBus.class,
                        TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class,
                        TestMediaSettings.class, AppRequestDispatcher.class, MediaApp.class, Recorder.class,
                        ActiveDialogs.class, AppCallTerminator.class, ShutdownCoordinator.class,
                        GenerousShutdownSettings.class, GatedDiscovery.class, MediaRejections.class,
                        MediaPlaneReadiness.class)
                .initialize();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        phone = new MediaPhone(server);
        recorder = container.select(Recorder.class).get();
        media = container.select(MediaPlane.class).get();
        coordinator = container.select(ShutdownCoordinator.class).get();
    }

    @AfterEach
    void stop() {
        phone.close();
        container.close();
    }

    @Test
    void anOpenMediaCallGetsTheNodesByeAndItsPortIsFreeWithNoMediaTaskOrThreadLeft() throws Exception {
        SipResponse ok = phone.invite("echo", phone.pcmuOffer());
        assertEquals(200, ok.status(), () -> "INVITE answered " + ok.status() + " " + ok.header("Warning"));
        phone.ack();
        assertEquals("answered echo", recorder.next(10));
        assertEquals(1, media.openCalls());
        InetSocketAddress port = phone.media();

        CompletableFuture<ShutdownReport> shutdown = CompletableFuture.supplyAsync(() -> coordinator.shutdown("test"));
        SipRequest bye = phone.nextRequestAnswered();
        assertEquals("BYE", bye.method());
        assertEquals(phone.callId(), bye.callId());
        ShutdownReport report = shutdown.get(30, TimeUnit.SECONDS);

        assertTrue(report.clean(), report.summary());
        assertEquals(1, report.callsAtStart());
        for (PhaseReport phase : report.phases()) {
            assertTrue(phase.confirmedBy().contains("media"), phase.phase() + " confirmed by the media plane: "
                    + report.summary());
            assertFalse(phase.forced(), phase.phase() + " not forced");
        }
        assertEquals(PlaneState.STOPPED, media.state());
        assertEquals(0, media.openCalls());
        assertEquals(List.of(), media.tasks().orElseThrow().leaks(), "no media task or thread left");
        try (DatagramSocket rebound = new DatagramSocket(port)) {
            assertEquals(port.getPort(), rebound.getLocalPort(), "the call's RTP port is free again");
        }
    }

    @Test
    void duringInitiatedANewInviteWithMediaGets503WithRetryAfterAndTheMediaPlaneRefusesOffers() throws Exception {
        GatedDiscovery discovery = container.select(GatedDiscovery.class).get();
        discovery.hold();
        CompletableFuture<ShutdownReport> shutdown = CompletableFuture.supplyAsync(() -> coordinator.shutdown("test"));
        assertTrue(discovery.awaitEntered(), "shutdown reached discovery deregistration in INITIATED");
        assertEquals(ShutdownPhase.INITIATED, coordinator.phase());
        Await.until(media::isRefusingNewMedia, Duration.ofSeconds(10), "media plane refuses new offers");
        assertEquals(HealthCheckResponse.Status.DOWN,
                container.select(MediaPlaneReadiness.class, Readiness.Literal.INSTANCE).get().call().getStatus());

        SipResponse refused = phone.invite("echo", phone.pcmuOffer());
        assertEquals(503, refused.status());
        assertEquals("2", refused.header("Retry-After").orElse(""));

        // An offer of an INVITE taken just before INITIATED reaches the media plane afterwards.
        Bus bus = container.select(Bus.class).get();
        MediaRejections rejections = container.select(MediaRejections.class).get();
        assertTrue(bus.publish(new OpenMedia("late-call", phone.pcmuOffer(), MediaFunctionSpec.echo())));
        MediaRejected rejected = rejections.next(10);
        assertNotNull(rejected, "the media plane answered the late offer");
        assertEquals("late-call", rejected.callId());
        assertEquals(503, rejected.status(), rejected.reason());
        assertEquals("2", rejected.retryAfter());
        assertTrue(rejected.reason().startsWith(MediaPlane.SHUTTING_DOWN), rejected.reason());
        assertEquals(0, media.openCalls(), "no port taken for the refused offer");

        discovery.open();
        assertTrue(shutdown.get(30, TimeUnit.SECONDS).clean());
    }
}
