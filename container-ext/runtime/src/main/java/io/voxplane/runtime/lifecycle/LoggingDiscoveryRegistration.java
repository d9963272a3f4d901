package io.voxplane.runtime.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;

/**
 * The {@link DiscoveryRegistration} of a node no discovery provider knows about: it only logs (at
 * DEBUG, as logging is slow while the container shuts down) that the node would leave discovery now. Discovery providers add their own beans beside it.
 */
@ApplicationScoped
public class LoggingDiscoveryRegistration implements DiscoveryRegistration {

    private static final System.Logger LOG = System.getLogger(LoggingDiscoveryRegistration.class.getName());

    @Override
    public void deregister() {
        LOG.log(Level.DEBUG, "node leaves discovery (no discovery provider deployed: nothing to withdraw)");
    }
}
