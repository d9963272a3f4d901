package io.voxplane.bench.sipp;

import io.voxplane.stack.proxy.ProxyEndpoint;
import io.voxplane.stack.proxy.ProxyOptions;
import io.voxplane.stack.proxy.ProxyTarget;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.TargetResolver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * A standalone transaction-stateful, record-routing proxy on the stack, without a container: every
 * request (initial, in-dialog, ACK) goes to one fixed next hop. It is the proxy of
 * {@code bench/sipp/proxy-vs-kamailio.sh} (SIPp uac -> this proxy -> SIPp uas), the counterpart
 * of the Kamailio anchor, and the target of {@code bin/proxy-server}.
 *
 * <p>Outside a container there is no managed executor to borrow from, so this tool makes its own
 * event-loop thread factory and one timer thread, and shuts both down on exit (SIGTERM/Ctrl-C).
 *
 * <p>Settings: {@code VOXPLANE_SIP_HOST} (default 127.0.0.1), {@code VOXPLANE_SIP_PORT} (default
 * 5060), {@code VOXPLANE_PROXY_TARGET} host:port of the next hop (default 127.0.0.1:5070),
 * {@code VOXPLANE_PROXY_TRANSPORT} udp or tcp (default udp), {@code VOXPLANE_IO_THREADS} (event
 * loops, default: Netty's, 2 x cores).
 */
public final class ProxyServer {

    private ProxyServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = env("VOXPLANE_SIP_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("VOXPLANE_SIP_PORT", "5060"));
        String next = env("VOXPLANE_PROXY_TARGET", "127.0.0.1:5070");
        TransportType transport = TransportType.fromToken(env("VOXPLANE_PROXY_TRANSPORT", "udp"))
                .orElseThrow(() -> new IllegalArgumentException("VOXPLANE_PROXY_TRANSPORT must be udp or tcp"));
        int ioThreads = Integer.parseInt(env("VOXPLANE_IO_THREADS", "0"));

        int colon = next.lastIndexOf(':');
        Target nextHop = new Target(transport, new InetSocketAddress(next.substring(0, colon),
                Integer.parseInt(next.substring(colon + 1))));
        ThreadFactory io = Thread.ofPlatform().name("vx-proxy-io-", 0).factory();
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("vx-proxy-timer-", 0).daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        InetSocketAddress address = new InetSocketAddress(host, port);
        ListenPoint listen = transport == TransportType.UDP ? ListenPoint.udp(address) : ListenPoint.tcp(address);
        TargetResolver everythingToNextHop = uri -> nextHop;

        ProxyEndpoint endpoint = ProxyEndpoint.start(listen, TransportConfig.builder().eventLoopThreads(ioThreads).build(),
                SipServer.transactionConfig(), everythingToNextHop, io, timers,
                tx -> tx.proxyTo(ProxyTarget.via(tx.request().requestUri(), nextHop), ProxyOptions.parallel()));
        System.out.printf("voxplane proxy-server: listening on %s %s, next hop %s, record-route on (%s)%n",
                transport, endpoint.address(), nextHop.address(), endpoint.transport().ioTransport());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            endpoint.stop(Duration.ofSeconds(5));
            timers.shutdownNow();
            System.out.println("voxplane proxy-server: stopped; " + endpoint.transport().statistics()
                    + "; acks forwarded " + endpoint.proxy().acksForwarded()
                    + "; late 2xx dropped " + endpoint.proxy().late2xxDropped());
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
