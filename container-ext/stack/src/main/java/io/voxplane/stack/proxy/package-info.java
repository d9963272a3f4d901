/**
 * The transaction-stateful proxy core (RFC 3261 s16): request validation, route preprocessing,
 * forwarding with Record-Route and loop-detecting branch ids, parallel and sequential forking,
 * best-response selection, CANCEL propagation, stateless ACK forwarding; and the registry of the
 * dialogs it record-routed ({@link io.voxplane.stack.proxy.ProxiedDialogs}), which ends them with
 * a BYE to each side when the node shuts down.
 *
 * <p>Entry point: {@link io.voxplane.stack.proxy.StatefulProxy}, configured by a
 * {@link io.voxplane.stack.proxy.ProxyConfig}, asking a {@link io.voxplane.stack.proxy.ProxyRouter}
 * (the app) for each initial request; the router decides on the live
 * {@link io.voxplane.stack.proxy.ProxyTransaction} with {@code proxyTo(targets, options)} or
 * {@code respond(status)}, now or later. {@link io.voxplane.stack.proxy.ProxyEndpoint} wires a
 * proxy to a Netty transport without a container. Errors carry {@code VXPRX-nnn} codes
 * ({@link io.voxplane.stack.proxy.ProxyException}).
 *
 * <p>Threading: no threads of its own. Each response context runs its events one at a time in a
 * {@link io.voxplane.stack.proxy.SerialMailbox} on the delivering thread, so one transaction's
 * responses leave in order (a 200 never overtakes its 180) with any number of transport threads.
 */
package io.voxplane.stack.proxy;
