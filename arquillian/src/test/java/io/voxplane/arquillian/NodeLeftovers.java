package io.voxplane.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * What a stopped Voxplane deployment must not leave in a Payara Micro JVM: threads, thread-locals
 * on the container's threads, sockets on the SIP port.
 */
final class NodeLeftovers {

    /**
     * Thread names a Voxplane deployment may start: its planes' Netty event loops
     * ({@code voxplane-<plane>-<prefix>-<n>}, see TaskTracker.threadFactory), Netty's own default
     * names should anything escape the tracker's factory, and the container factory's unrenamed ones.
     */
    static final List<String> VOXPLANE_THREAD_PREFIXES = List.of("voxplane-", "globalEventExecutor",
            "multiThreadIoEventLoopGroup", "epollEventLoopGroup", "nioEventLoopGroup", "ioUringEventLoopGroup",
            "concurrent/__defaultManagedThreadFactory");

    /**
     * How long a Voxplane thread may take to end once undeploy has returned. Netty completes an
     * event loop's termination future a moment before its thread exits; on a loaded 2-core box that
     * moment can be tens of milliseconds.
     */
    static final Duration THREAD_END = Duration.ofSeconds(5);

    /**
     * Payara's (Tomcat's) warning, at undeploy, that a thread outside the WAR still holds a
     * thread-local value of one of the WAR's classes: that thread keeps the WAR's class loader alive.
     */
    static final String THREAD_LOCAL_LEAK = "failed to remove it when the web application was stopped";

    private NodeLeftovers() {
    }

    /** The Voxplane threads alive in the Payara JVM now. */
    static List<String> voxplaneThreads(MicroHostProcess payara) {
        return payara.threadNames().stream()
                .filter(name -> VOXPLANE_THREAD_PREFIXES.stream().anyMatch(name::startsWith))
                .sorted()
                .toList();
    }

    /**
     * No Voxplane thread in the Payara JVM (within {@link #THREAD_END}), no leaked thread-local
     * logged by Payara, nothing on the SIP port in the kernel's tables, and the port binds here for
     * UDP and TCP.
     */
    static void assertNothingLeft(MicroHostProcess payara, int sipPort, String when) throws IOException {
        assertEquals(List.of(), payara.awaitThreadsEnded(THREAD_END, VOXPLANE_THREAD_PREFIXES),
                "Voxplane threads alive in Payara Micro " + when + "; Payara log " + payara.log());
        assertNoThreadLocalLeak(payara, when);
        assertPortFree(sipPort, when);
    }

    static void assertNoThreadLocalLeak(MicroHostProcess payara, String when) throws IOException {
        assertEquals(List.of(), payara.logLinesContaining(THREAD_LOCAL_LEAK), "Payara found thread-locals of the"
                + " undeployed WAR on its own threads (they pin the WAR's class loader) " + when);
    }

    static void assertPortFree(int sipPort, String when) throws IOException {
        assertEquals(List.of(), ProcNetSockets.holding(sipPort), "sockets still on SIP port " + sipPort + " " + when);
        InetSocketAddress sip = new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort);
        try (DatagramSocket udp = new DatagramSocket(sip)) {
            assertTrue(udp.isBound(), "UDP " + sip + " is free " + when);
        }
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(sip);
            assertTrue(tcp.isBound(), "TCP " + sip + " is free " + when);
        }
    }
}
