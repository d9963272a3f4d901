package io.voxplane.pbx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.ContainerAuthentication;
import io.voxplane.runtime.app.ContainerRegistrar;
import io.voxplane.runtime.app.LocationStores;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.media.ConferenceCheck;
import io.voxplane.runtime.media.MediaPhone;
import io.voxplane.runtime.media.MediaPlane;
import io.voxplane.runtime.media.TestMediaSettings;
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
 * The PBX's media services in Weld with all three planes over real UDP: the voice menu plays its
 * prompt and routes key 1 to echo; in the conference room three callers, each sending its own
 * tone, each hear the other two and not themselves (Goertzel power per tone).
 */
@Timeout(60)
class PbxMediaServicesTest {

    private WeldContainer container;
    private InetSocketAddress server;
    private final List<MediaPhone> phones = new ArrayList<>();

    @BeforeEach
    void start() {
        MapConfig.VALUES.clear();
        MapConfig.VALUES.put(PbxUsers.USERS, "alice:secret1,bob:secret2,carol:secret3");
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, MediaPlane.class, LocalBus.class,
                        TaskTrackers.class, TestConcurrencyResources.class, TestSettings.class, TestMediaSettings.class,
                        AppRequestDispatcher.class, ContainerAuthentication.class, ContainerRegistrar.class,
                        LocationStores.class, MapConfig.class, PbxUsers.class, PbxIvr.class, PbxApplication.class)
                .initialize();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        phones.forEach(MediaPhone::close);
        container.close();
    }

    private MediaPhone call(String number, String user, String password) throws Exception {
        MediaPhone phone = new MediaPhone(server);
        phones.add(phone);
        SipResponse ok = phone.inviteAuthenticated(number, phone.pcmuOffer(), user, password);
        assertEquals(200, ok.status(), () -> number + " answered " + ok.status() + " " + ok.header("Warning"));
        phone.ack();
        return phone;
    }

    @Test
    void theVoiceMenuPlaysItsPromptAndKey1RoutesTheCallToEcho() throws Exception {
        MediaPhone phone = call(PbxIvr.IVR_NUMBER, "alice", "secret1");
        int prompt = 0;
        for (MediaPhone.Rtp p = phone.receiveRtp(); p != null; p = phone.receiveRtp()) {
            assertEquals(0, p.payloadType());
            prompt++;
        }
        assertEquals(40, prompt, "the 800 ms menu prompt in 20 ms PCMU packets");
        phone.sendDigit(101, '1');
        byte[] payload = new byte[160];
        payload[7] = 77;
        MediaPhone.Rtp echoed = null;
        for (int attempt = 0; attempt < 20 && echoed == null; attempt++) {
            phone.sendRtp(0, payload, false);
            echoed = phone.receiveRtp();
        }
        assertNotNull(echoed, "after key 1 the caller hears itself");
        assertArrayEquals(payload, echoed.payload());
        assertEquals(200, phone.bye().status());
    }

    @Test
    void theMenuPromptComesFromTheWarAndAnUnauthenticatedCallerIsChallenged() throws Exception {
        assertNotNull(PbxIvr.class.getResourceAsStream(PbxIvr.PROMPT_RESOURCE));
        MediaPhone phone = new MediaPhone(server);
        phones.add(phone);
        assertEquals(407, phone.invite(PbxIvr.CONFERENCE_NUMBER, phone.pcmuOffer()).status());
        assertEquals(0, container.select(MediaPlane.class).get().openCalls());
    }

    @Test
    void threeCallersInTheConferenceRoomEachHearTheOtherTwo() throws Exception {
        String[][] users = {{"alice", "secret1"}, {"bob", "secret2"}, {"carol", "secret3"}};
        double[] tones = {500, 900, 1400};
        MediaPhone[] room = new MediaPhone[3];
        for (int i = 0; i < 3; i++) {
            room[i] = call(PbxIvr.CONFERENCE_NUMBER, users[i][0], users[i][1]);
        }
        assertEquals(3, container.select(MediaPlane.class).get().openCalls());
        double[][] power = ConferenceCheck.run(room, tones, 100);
        for (int i = 0; i < 3; i++) {
            double own = power[i][i];
            double first = power[i][(i + 1) % 3];
            double second = power[i][(i + 2) % 3];
            String report = users[i][0] + ": own " + own + ", others " + first + " and " + second;
            assertTrue(first > 100 * own && second > 100 * own, report);
            assertTrue(first > 0.25 * second && second > 0.25 * first, "both others about as loud: " + report);
        }
        for (MediaPhone phone : room) {
            assertEquals(200, phone.bye().status());
        }
    }
}
