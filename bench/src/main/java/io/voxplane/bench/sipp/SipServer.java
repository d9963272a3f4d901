package io.voxplane.bench.sipp;

import io.voxplane.stack.SipEndpoint;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportConfig;
import io.voxplane.stack.transaction.TransactionConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * A standalone SIP endpoint on the stack, without a container: answers every INVITE with 180 and
 * 200 (an SDP answer), every BYE and OPTIONS with 200, on UDP and TCP at one address. It is the
 * far end of the SIPp load scripts in {@code bench/sipp/} and the target of {@code bin/sip-server}.
 *
 * <p>Outside a container there is no managed executor to borrow from, so this tool makes its own
 * event-loop thread factory and one timer thread, and shuts both down on exit (SIGTERM/Ctrl-C).
 *
 * <p>Settings: {@code VOXPLANE_SIP_HOST} (default 127.0.0.1), {@code VOXPLANE_SIP_PORT} (default
 * 5060), {@code VOXPLANE_IO_THREADS} (event loops per transport, default: Netty's, 2 x cores),
 * {@code VOXPLANE_MAX_TRANSACTIONS} (default {@link #DEFAULT_MAX_TRANSACTIONS}).
 */
public final class SipServer {

    private static final byte[] SDP_ANSWER = ("v=0\r\no=voxplane 1 1 IN IP4 127.0.0.1\r\ns=-\r\n"
            + "c=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * The transaction limit of this load target. Every call leaves two server transactions (the
     * INVITE's in Accepted for Timer L, the BYE's in Completed for Timer J over UDP) for 64*T1 =
     * 32 s, so 10,000 calls/s keep 640,000 alive: the stack's default of 100,000 would answer 503
     * from 1,500 calls/s on. Once their final response is sent they hold no parsed message (a few
     * hundred bytes each).
     */
    static final int DEFAULT_MAX_TRANSACTIONS = 1_000_000;

        private SipServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = env("VOXPLANE_SIP_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("VOXPLANE_SIP_PORT", "5060"));
        int ioThreads = Integer.parseInt(env("VOXPLANE_IO_THREADS", "0"));
        TransactionConfig transactions = transactionConfig();

        ThreadFactory io = Thread.ofPlatform().name("vx-sip-io-", 0).factory();
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("vx-sip-timer-", 0).daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        TransportConfig transport = TransportConfig.builder().eventLoopThreads(ioThreads).build();
        InetSocketAddress address = new InetSocketAddress(host, port);

        SipEndpoint udp = SipEndpoint.start(ListenPoint.udp(address), transport, transactions,
                io, timers, call -> {
                    call.ringing();
                    call.answer("application/sdp", SDP_ANSWER);
                });
        SipEndpoint tcp = SipEndpoint.start(ListenPoint.tcp(address), transport, transactions,
                io, timers, call -> {
                    call.ringing();
                    call.answer("application/sdp", SDP_ANSWER);
                });
        System.out.printf("voxplane sip-server: listening on udp %s and tcp %s (%s)%n",
                udp.address(), tcp.address(), udp.transport().ioTransport());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            udp.stop(Duration.ofSeconds(5));
            tcp.stop(Duration.ofSeconds(5));
            timers.shutdownNow();
            System.out.println("voxplane sip-server: stopped; udp " + udp.transport().statistics()
                    + "; tcp " + tcp.transport().statistics());
            stopped.countDown();
        }));
        stopped.await();
    }

    /**
     * RFC timers with the transaction limit of {@code VOXPLANE_MAX_TRANSACTIONS} (default
     * {@link #DEFAULT_MAX_TRANSACTIONS}): a load run keeps several transactions per call for
     * 64*T1, more than the stack's default limit allows. Shared by the standalone servers.
     */
    static TransactionConfig transactionConfig() {
        int maxTransactions = Integer.parseInt(env("VOXPLANE_MAX_TRANSACTIONS", String.valueOf(DEFAULT_MAX_TRANSACTIONS)));
        return TransactionConfig.defaults().withMaxTransactions(maxTransactions);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
