package io.voxplane.runtime.signaling;

import io.voxplane.runtime.lifecycle.CallTerminator;
import io.voxplane.stack.proxy.ProxiedDialogs;
import io.voxplane.stack.proxy.StatefulProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The calls the signaling plane's proxy core merely forwards (record-routed between two peers,
 * e.g. PBX users calling each other) as the phased shutdown sees them: the stack's
 * {@link ProxiedDialogs} behind the {@link CallTerminator} SPI. Active calls are the dialogs the
 * proxy tracks; TERMINATING sends a BYE to both sides of each (RFC 3261 s15.1.1, with
 * {@code Reason: SIP;cause=503}), since once this node is gone their in-dialog requests would
 * route through nothing. Calls an app answered or bridges are {@code AppCallTerminator}'s.
 * Without a proxy core (a dispatcher that does not proxy) there is nothing to end.
 */
@ApplicationScoped
public class ProxiedCallTerminator implements CallTerminator {

    private static final System.Logger LOG = System.getLogger(ProxiedCallTerminator.class.getName());

    @Inject
    SignalingPlane plane;

    @Override
    public int activeCalls() {
        return plane.proxy().map(proxy -> proxy.dialogs().size()).orElse(0);
    }

    @Override
    public CompletionStage<Void> terminateAll(Duration timeout) {
        Optional<StatefulProxy> proxy = plane.proxy();
        if (proxy.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return proxy.get().dialogs().terminateAll(timeout).handle((ended, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "VXRT-208 ending proxied calls failed", failure);
            } else if (ended.dialogs() > 0) {
                LOG.log(Level.INFO, () -> "VXRT-208 proxied calls ended: " + ended);
            }
            return null;
        });
    }
}
