package io.voxplane.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.core.HazelcastInstance;
import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.AppRequestDispatcher;
import io.voxplane.runtime.app.ContainerAuthentication;
import io.voxplane.runtime.app.ContainerRegistrar;
import io.voxplane.runtime.app.LocationStores;
import io.voxplane.runtime.app.SipAppExtension;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The PBX with its location service in a Hazelcast IMap ({@code voxplane.location.store=hazelcast})
 * on a real embedded member: the binding a REGISTER stores is in the map, and an INVITE finds it.
 */
@Timeout(90)
class PbxOverHazelcastTest {

    private WeldContainer container;
    private InetSocketAddress server;

    @BeforeEach
    void start() {
        MapConfig.VALUES.clear();
        MapConfig.VALUES.put(PbxUsers.USERS, "alice:secret1,bob:secret2");
        MapConfig.VALUES.put(LocationStores.STORE, "hazelcast");
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, LocalBus.class, TaskTrackers.class,
                        TestConcurrencyResources.class, TestSettings.class, AppRequestDispatcher.class,
                        ContainerAuthentication.class, ContainerRegistrar.class, LocationStores.class, MapConfig.class,
                        EmbeddedHazelcast.class, PbxUsers.class, PbxIvr.class, PbxApplication.class)
                .initialize();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        container.close();
        MapConfig.VALUES.clear();
    }

    @Test
    void registrationLandsInTheImapAndRoutesTheCall() throws Exception {
        String domain = "sip:127.0.0.1:" + server.getPort();
        try (UdpPhone alice = new UdpPhone("alice", "secret1", server);
             UdpPhone bob = new UdpPhone("bob", "secret2", server)) {
            String bobAor = "sip:bob@127.0.0.1";
            SipResponse challenge = bob.send(bob.request("REGISTER", domain, bobAor, null));
            assertEquals(200, bob.send(bob.request("REGISTER", domain, bobAor,
                    bob.answer(challenge, "REGISTER", domain, "secret2"))).status());

            HazelcastInstance member = container.select(HazelcastInstance.class).get();
            assertTrue(member.getMap(LocationStores.DEFAULT_MAP).containsKey(bobAor), "binding stored in the IMap");

            SipResponse proxyChallenge = alice.send(alice.request("INVITE", bobAor, bobAor, null));
            alice.sendRaw(alice.request("INVITE", bobAor, bobAor,
                    alice.answer(proxyChallenge, "INVITE", bobAor, "secret1")), server);
            SipRequest atBob = bob.receiveRequest();
            assertEquals("INVITE", atBob.method());
            assertEquals("sip:bob@127.0.0.1:" + bob.port(), atBob.requestUri().toString());
        }
    }
}
