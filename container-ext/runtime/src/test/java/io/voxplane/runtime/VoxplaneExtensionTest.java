package io.voxplane.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.app.NoAppRequestDispatcher;
import io.voxplane.runtime.bus.LocalBus;
import io.voxplane.runtime.signaling.SignalingPlane;
import io.voxplane.runtime.task.TaskTrackers;
import io.voxplane.runtime.transport.TransportPlane;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class VoxplaneExtensionTest {

    @Test
    void recordsPlanesAndDispatcherOfTheDeployment() {
        VoxplaneExtension extension = new VoxplaneExtension();
        Weld weld = new Weld().disableDiscovery().addExtension(extension).addBeanClasses(TransportPlane.class,
                SignalingPlane.class, LocalBus.class, TaskTrackers.class, TestConcurrencyResources.class,
                TestSettings.class, NoAppRequestDispatcher.class);
        try (WeldContainer container = weld.initialize()) {
            assertTrue(extension.planeBeans().containsAll(List.of(TransportPlane.class, SignalingPlane.class)));
            assertEquals(List.of(NoAppRequestDispatcher.class), extension.dispatcherBeans());
            assertEquals(PlaneState.RUNNING, container.select(TransportPlane.class).get().state());
        }
    }

    @Test
    void deploymentWithoutPlaneBeansFailsWithVxrt010() {
        Weld weld = new Weld().disableDiscovery().addExtension(new VoxplaneExtension())
                .addBeanClasses(NoAppRequestDispatcher.class);
        DeploymentException failure = assertThrows(DeploymentException.class, weld::initialize);
        assertTrue(String.valueOf(failure.getMessage()).contains(VoxplaneExtension.MISSING_PLANES)
                || String.valueOf(failure.getCause()).contains(VoxplaneExtension.MISSING_PLANES), failure.toString());
    }
}
