package io.voxplane.runtime.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.dtmf.DtmfReceiver;
import io.voxplane.media.dtmf.TelephoneEvent;
import io.voxplane.runtime.Await;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.app.fixtures.MediaApp;
import io.voxplane.runtime.app.fixtures.Recorder;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code MediaCall.sendDtmf} through all three planes in Weld over real UDP on loopback: the app
 * asks ({@code SendDtmf} on the bus), the media plane's session sends RFC 4733 events to the
 * {@link MediaPhone}, and {@code DtmfSent} completes the app's stage. A caller that offered no
 * telephone-event gets nothing and the stage fails with VXMED-015; a bad key fails at once; a BYE
 * while digits go out fails the stage with VXMED-009.
 */
@Timeout(60)
class SendDtmfTest {

    private WeldContainer container;
    private MediaPhone phone;
    private Recorder recorder;
    private MediaPlane media;

    @BeforeEach
    void start() throws Exception {
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, MediaPlane.class, LocalBus.class,
                        TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, TestMediaSettings.class,
                        AppRequestDispatcher.class, MediaApp.class, Recorder.class)
                .initialize();
        InetSocketAddress server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
        phone = new MediaPhone(server);
        recorder = container.select(Recorder.class).get();
        media = container.select(MediaPlane.class).get();
    }

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        if (container != null) {
            container.close();
        }
    }

    private void call(String offer, String digits) throws Exception {
        SipResponse ok = phone.invite("dtmf", offer, "X-Digits: " + digits + "\r\n");
        assertEquals(200, ok.status(), () -> "INVITE answered " + ok.status());
        phone.ack();
        assertEquals("answered dtmf", recorder.next(10));
    }

    @Test
    void theAppsDigitsReachThePhoneAsRfc4733EventsAndTheStageCompletes() throws Exception {
        call(phone.pcmuOffer(), "12#");
        List<MediaPhone.Rtp> packets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            MediaPhone.Rtp p = phone.receiveRtp();
            assertNotNull(p, "packet " + i + " of 3 digits x 4");
            packets.add(p);
        }
        assertEquals("dtmf sent", recorder.next(10));
        DtmfReceiver decoder = new DtmfReceiver();
        StringBuilder digits = new StringBuilder();
        int ends = 0;
        for (int i = 0; i < packets.size(); i++) {
            MediaPhone.Rtp p = packets.get(i);
            assertEquals(101, p.payloadType(), "the telephone-event payload type of the offer");
            assertEquals(packets.get(0).ssrc(), p.ssrc(), "one stream");
            TelephoneEvent event = TelephoneEvent.decode(p.payload(), 0, p.payload().length);
            assertEquals(i % 4 == 0, p.marker(), "marker on each event's first packet");
            assertEquals(packets.get(i - i % 4).timestamp(), p.timestamp(), "an event keeps its start timestamp");
            if (event.end()) {
                ends++;
                assertEquals(800, event.duration(), "100 ms at 8 kHz");
            }
            decoder.onPacket(p.timestamp(), event).ifPresent(d -> digits.append(d.digit()));
            if (i > 0) {
                assertEquals((packets.get(i - 1).sequence() + 1) & 0xFFFF, p.sequence());
            }
        }
        assertEquals("12#", digits.toString());
        assertEquals(9, ends, "three end packets per digit");
        assertEquals(12, media.statistics(phone.callId()).orElseThrow().packetsSent());
        assertEquals(200, phone.bye().status());
    }

    @Test
    void withoutTelephoneEventInTheOfferTheStageFailsWithVxmed015AndNothingIsSent() throws Exception {
        call(phone.offer("0", "a=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n"), "5");
        String failed = recorder.next(10);
        assertTrue(failed.startsWith("dtmf failed NO_TELEPHONE_EVENT VXMED-015"), failed);
        assertNull(phone.receiveRtp(), "no packet");
        assertEquals(0, media.statistics(phone.callId()).orElseThrow().packetsSent());
        assertEquals(200, phone.bye().status());
    }

    @Test
    void aCharacterThatIsNotAKeyFailsTheStageNamingItAndNothingIsSent() throws Exception {
        call(phone.pcmuOffer(), "1x");
        String failed = recorder.next(10);
        assertTrue(failed.startsWith("dtmf failed IllegalArgumentException 'x'"), failed);
        assertNull(phone.receiveRtp(), "no packet");
        assertEquals(200, phone.bye().status());
    }

    @Test
    void aByeWhileDigitsAreSentFailsTheStageWithMediaClosed() throws Exception {
        call(phone.pcmuOffer(), "1234567890");
        assertNotNull(phone.receiveRtp(), "the first digit's start packet");
        assertEquals(200, phone.bye().status());
        String failed = recorder.next(10);
        assertTrue(failed.startsWith("dtmf failed MEDIA_CLOSED VXMED-009"), failed);
        Await.until(() -> media.openCalls() == 0, java.time.Duration.ofSeconds(10), "media closed after BYE");
    }
}
