package io.voxplane.pbx;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** No built-in user: with nothing configured, even a well-formed digest REGISTER is refused. */
@Timeout(60)
class PbxWithoutUsersTest {

    @Test
    void everyRegisterIsRefusedWhenNoUserIsConfigured() throws Exception {
        MapConfig.VALUES.clear();
        try (WeldContainer container = new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(TransportPlane.class, SignalingPlane.class, LocalBus.class, TaskTrackers.class,
                        TestConcurrencyResources.class, TestSettings.class, AppRequestDispatcher.class,
                        ContainerAuthentication.class, ContainerRegistrar.class, LocationStores.class, MapConfig.class,
                        PbxUsers.class, PbxIvr.class, PbxApplication.class)
                .initialize()) {
            InetSocketAddress server = container.select(TransportPlane.class).get().listenPoints().stream()
                    .filter(p -> p.transport() == TransportType.UDP).map(ListenPoint::address).findFirst().orElseThrow();
            String domain = "sip:127.0.0.1:" + server.getPort();
            try (UdpPhone admin = new UdpPhone("admin", "admin", server)) {
                SipResponse challenge = admin.send(admin.request("REGISTER", domain, "sip:admin@127.0.0.1", null));
                assertEquals(401, challenge.status());
                SipResponse answer = admin.send(admin.request("REGISTER", domain, "sip:admin@127.0.0.1",
                        admin.answer(challenge, "REGISTER", domain, "admin")));
                assertEquals(403, answer.status(), "no user exists, so no password is right");
            }
        }
    }
}
