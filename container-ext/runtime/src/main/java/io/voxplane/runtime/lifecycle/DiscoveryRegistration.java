package io.voxplane.runtime.lifecycle;

/**
 * Service provider interface of discovery providers (DNS SRV updates, Consul, Kubernetes
 * endpoints: a later issue): withdraws this node so that peers and load balancers stop sending
 * it new work. The {@link ShutdownCoordinator} calls {@link #deregister()} on every bean of this
 * type at the start of the INITIATED phase, on its own thread and bounded by that phase's
 * timeout. Until a real provider exists only {@link LoggingDiscoveryRegistration} is deployed.
 *
 * <p>An implementation is an {@code @ApplicationScoped} bean whose {@code deregister} returns
 * within a few hundred milliseconds and is idempotent; a failure is logged ({@value ShutdownCoordinator#DISCOVERY_FAILED})
 * and does not stop the shutdown.
 */
public interface DiscoveryRegistration {

    /** Withdraws this node from discovery. */
    void deregister();
}
