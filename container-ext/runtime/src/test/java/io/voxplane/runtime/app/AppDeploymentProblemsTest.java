package io.voxplane.runtime.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.TestConcurrencyResources;
import io.voxplane.runtime.TestSettings;
import io.voxplane.runtime.app.fixtures.BadPatternApp;
import io.voxplane.runtime.app.fixtures.BadSignatureApp;
import io.voxplane.runtime.app.fixtures.ConflictingAppA;
import io.voxplane.runtime.app.fixtures.ConflictingAppB;
import io.voxplane.runtime.app.fixtures.NotAnApp;
import io.voxplane.runtime.app.fixtures.TwoInviteHandlersApp;
import io.voxplane.runtime.app.fixtures.WrongParameterApp;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each wrong app fails the deployment with its code and a message naming the culprit, as the
 * {@link SipAppExtension} validation promises.
 */
@Timeout(30)
class AppDeploymentProblemsTest {

    private static DeploymentException deploymentFails(Class<?>... apps) {
        return assertThrows(DeploymentException.class, () -> {
            try (WeldContainer ignored = weld(apps).initialize()) {
                // deployment should not get here
            }
        });
    }

    static Weld weld(Class<?>... apps) {
        Class<?>[] container = {TransportPlane.class, SignalingPlane.class, LocalBus.class, TaskTrackers.class,
                TestConcurrencyResources.class, TestSettings.class, AppRequestDispatcher.class};
        return new Weld().disableDiscovery().containerId(null).addExtension(new SipAppExtension())
                .addBeanClasses(Stream.concat(Stream.of(container), Stream.of(apps)).toArray(Class<?>[]::new));
    }

    private static void assertMessage(DeploymentException e, String expected) {
        assertTrue(e.getMessage().contains(expected), () -> "expected <" + expected + "> in: " + e.getMessage());
    }

    @Test
    void handlerReturningAValueFailsWithVxapp001() {
        assertMessage(deploymentFails(BadSignatureApp.class), "VXAPP-001: @Invite handler "
                + BadSignatureApp.class.getName() + ".invite must be void invite(SipRequest) or void invite(SipRequest, Call), not return String");
    }

    @Test
    void responseHandlerTakingARequestFailsWithVxapp001() {
        assertMessage(deploymentFails(WrongParameterApp.class), "VXAPP-001: @SuccessResponse handler "
                + WrongParameterApp.class.getName() + ".ok must be void ok(SipResponse) or void ok(SipResponse, Call), not take [SipRequest]");
    }

    @Test
    void handlerOnABeanThatIsNotAnAppFailsWithVxapp002() {
        assertMessage(deploymentFails(NotAnApp.class), "VXAPP-002: @Invite on " + NotAnApp.class.getName()
                + ".invite, but " + NotAnApp.class.getName() + " is not annotated @SipApplication");
    }

    @Test
    void twoHandlersForOneMethodFailWithVxapp003() {
        DeploymentException e = deploymentFails(TwoInviteHandlersApp.class);
        assertMessage(e, "VXAPP-003: app two-invites (" + TwoInviteHandlersApp.class.getName()
                + ") has two @Invite handlers: ");
    }

    @Test
    void twoAppsOnTheSameRouteAndPriorityFailWithVxapp004() {
        assertMessage(deploymentFails(ConflictingAppA.class, ConflictingAppB.class),
                "VXAPP-004: apps conflict-a and conflict-b claim the same route (MESSAGE sip:.*@example\\.com priority 5)");
    }

    @Test
    void patternThatIsNotARegexFailsWithVxapp005() {
        assertMessage(deploymentFails(BadPatternApp.class), "VXAPP-005: app bad-pattern: request-URI pattern sip:(");
    }

    @Test
    void aValidAppDeploysAndIsListed() {
        try (WeldContainer container = weld(ConflictingAppA.class).initialize()) {
            assertEquals(List.of("conflict-a"), container.select(SipAppExtension.class).get().appNames());
        }
    }
}
