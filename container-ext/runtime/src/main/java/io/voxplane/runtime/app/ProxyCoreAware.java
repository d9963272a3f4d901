package io.voxplane.runtime.app;

import io.voxplane.stack.proxy.StatefulProxy;

/**
 * A {@link RequestDispatcher} that routes as the signaling plane's
 * {@link io.voxplane.stack.proxy.ProxyRouter} and also terminates some dialogs itself: the plane
 * hands it the proxy core once, when it starts, to plug in its
 * {@link io.voxplane.stack.proxy.LocalEndpoint} and share the transaction layer.
 */
public interface ProxyCoreAware {

    void attach(StatefulProxy proxy);
}
