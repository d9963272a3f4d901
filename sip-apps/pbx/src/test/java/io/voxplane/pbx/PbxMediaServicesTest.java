package io.voxplane.pbx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.media.codec.MuLaw;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.ContainerAuthentication;
import io.voxplane.runtime.app.ContainerRegistrar;
import io.voxplane.runtime.app.LocationStores;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.bus.LocalBus;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
        List<List<byte[]>> heard = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            heard.add(new ArrayList<>());
        }
        int frames = 100;
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            int[] frame = {0};
            ScheduledFuture<?> sending = pacer.scheduleAtFixedRate(() -> {
                int n = frame[0]++;
                if (n >= frames) {
                    return;
                }
                for (int i = 0; i < 3; i++) {
                    try {
                        room[i].sendRtp(0, tone(tones[i], n), n == 0);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            // each phone reads what the room sends it while the tones play (2 s), bounded by receive timeouts
            Thread[] readers = new Thread[3];
            for (int i = 0; i < 3; i++) {
                int who = i;
                readers[i] = Thread.ofVirtual().start(() -> {
                    try {
                        for (MediaPhone.Rtp p = room[who].receiveRtp(); p != null && heard.get(who).size() < frames;
                             p = room[who].receiveRtp()) {
                            heard.get(who).add(p.payload());
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            for (Thread reader : readers) {
                assertTrue(reader.join(java.time.Duration.ofSeconds(20)), "reader finished");
            }
            sending.cancel(false);
        } finally {
            pacer.shutdownNow();
        }
        for (int i = 0; i < 3; i++) {
            short[] pcm = decode(heard.get(i), 10);
            assertTrue(pcm.length > 8000 / 2, users[i][0] + " heard " + pcm.length + " samples");
            double own = goertzel(pcm, tones[i]);
            double first = goertzel(pcm, tones[(i + 1) % 3]);
            double second = goertzel(pcm, tones[(i + 2) % 3]);
            String report = users[i][0] + ": own " + own + ", others " + first + " and " + second;
            assertTrue(first > 100 * own && second > 100 * own, report);
            assertTrue(first > 0.25 * second && second > 0.25 * first, "both others about as loud: " + report);
        }
        for (MediaPhone phone : room) {
            assertEquals(200, phone.bye().status());
        }
    }

    /** Frame {@code n} (20 ms, 160 samples) of a sine tone at {@code hz}, amplitude 8000, as PCMU. */
    private static byte[] tone(double hz, int n) {
        byte[] frame = new byte[160];
        for (int s = 0; s < 160; s++) {
            int t = n * 160 + s;
            frame[s] = MuLaw.encode((int) Math.round(8000 * Math.sin(2 * Math.PI * hz * t / 8000.0)));
        }
        return frame;
    }

    /** The PCMU payloads decoded, the first {@code skip} packets (room start-up) left out. */
    private static short[] decode(List<byte[]> payloads, int skip) {
        List<byte[]> used = payloads.subList(Math.min(skip, payloads.size()), payloads.size());
        short[] pcm = new short[used.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : used) {
            for (byte b : p) {
                pcm[at++] = MuLaw.decode(b & 0xFF);
            }
        }
        return pcm;
    }

    /** Goertzel power of {@code hz} in {@code pcm} (8 kHz), normalised by length. */
    private static double goertzel(short[] pcm, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / 8000.0);
        double s1 = 0;
        double s2 = 0;
        for (short sample : pcm) {
            double s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / pcm.length;
    }
}
