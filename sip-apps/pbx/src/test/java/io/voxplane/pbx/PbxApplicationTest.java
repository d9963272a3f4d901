package io.voxplane.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The PBX app in Weld with the real runtime over UDP on loopback: digest-challenged REGISTER,
 * authenticated INVITE proxied to the callee's binding, 404 and 480, and a wrong password refused.
 */
@Timeout(60)
class PbxApplicationTest {

    private WeldContainer container;
    private InetSocketAddress server;

    @BeforeEach
    void start() {
        MapConfig.VALUES.clear();
        MapConfig.VALUES.put(PbxUsers.USERS, "alice:secret1,bob:secret2,carol:secret3");
        container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, LocalBus.class, TaskTrackers.class,
                        TestConcurrencyResources.class, TestSettings.class, AppRequestDispatcher.class,
                        ContainerAuthentication.class, ContainerRegistrar.class, LocationStores.class, MapConfig.class,
                        PbxUsers.class, PbxIvr.class, PbxApplication.class)
                .initialize();
        server = container.select(TransportPlane.class).get().listenPoints().stream()
                .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private String domain() {
        return "sip:127.0.0.1:" + server.getPort();
    }

    private String aor(String user) {
        return "sip:" + user + "@127.0.0.1";
    }

    private SipResponse register(UdpPhone phone, String user, String password) throws Exception {
        SipResponse challenge = phone.send(phone.request("REGISTER", domain(), aor(user), null));
        assertEquals(401, challenge.status(), "REGISTER without credentials is challenged");
        return phone.send(phone.request("REGISTER", domain(), aor(user), phone.answer(challenge, "REGISTER", domain(), password)));
    }

    @Test
    void registerIsChallengedThenStoresTheBinding() throws Exception {
        try (UdpPhone alice = new UdpPhone("alice", "secret1", server)) {
            SipResponse ok = register(alice, "alice", "secret1");
            assertEquals(200, ok.status());
            assertTrue(ok.header("Contact").orElseThrow().contains("127.0.0.1:" + alice.port()), ok.toString());
        }
    }

    @Test
    void wrongPasswordIsRefusedWith403() throws Exception {
        try (UdpPhone alice = new UdpPhone("alice", "secret1", server)) {
            assertEquals(403, register(alice, "alice", "not-the-password").status());
        }
    }

    @Test
    void registeringSomeoneElsesAddressIsRefusedWith403() throws Exception {
        try (UdpPhone alice = new UdpPhone("alice", "secret1", server)) {
            assertEquals(403, register(alice, "bob", "secret1").status());
        }
    }

    @Test
    void inviteIsChallengedWith407ThenProxiedToTheCalleesBinding() throws Exception {
        try (UdpPhone alice = new UdpPhone("alice", "secret1", server);
             UdpPhone bob = new UdpPhone("bob", "secret2", server)) {
            assertEquals(200, register(bob, "bob", "secret2").status());
            String uri = aor("bob");
            SipResponse challenge = alice.send(alice.request("INVITE", uri, uri, null));
            assertEquals(407, challenge.status());
            assertTrue(challenge.header("Proxy-Authenticate").isPresent());

            String invite = alice.request("INVITE", uri, uri, alice.answer(challenge, "INVITE", uri, "secret1"));
            alice.sendRaw(invite, server);
            SipRequest atBob = bob.receiveRequest();
            assertEquals("INVITE", atBob.method());
            assertEquals("sip:bob@127.0.0.1:" + bob.port(), atBob.requestUri().toString());
            assertEquals(1, atBob.recordRoutes().size(), "the PBX record-routes");
        }
    }

    @Test
    void inviteToAnUnknownUserGets404AndToAnUnregisteredUser480() throws Exception {
        try (UdpPhone alice = new UdpPhone("alice", "secret1", server)) {
            String nobody = aor("nobody");
            SipResponse challenge = alice.send(alice.request("INVITE", nobody, nobody, null));
            assertEquals(404, alice.send(alice.request("INVITE", nobody, nobody,
                    alice.answer(challenge, "INVITE", nobody, "secret1"))).status());
            String carol = aor("carol");
            SipResponse again = alice.send(alice.request("INVITE", carol, carol, null));
            assertEquals(480, alice.send(alice.request("INVITE", carol, carol,
                    alice.answer(again, "INVITE", carol, "secret1"))).status());
        }
    }
}
