package io.voxplane.stack.proxy;

/**
 * The application side of a {@link StatefulProxy}: decides, per initial request, where it goes.
 *
 * <p>Called once for each new request outside a dialog that passed validation (RFC 3261 s16.3)
 * and route preprocessing (s16.4), on a transport thread: must not block. Decide now or later
 * (after an asynchronous location lookup) by calling exactly one of
 * {@link ProxyTransaction#proxyTo} or {@link ProxyTransaction#respond(int)} on the given
 * transaction. If it throws, the request is answered 500. In-dialog requests (a To tag) are
 * forwarded by their Route headers and Request-URI without asking the router (s16.12).
 */
@FunctionalInterface
public interface ProxyRouter {

    void route(ProxyTransaction transaction);
}
