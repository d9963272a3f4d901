package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voxplane.sip.SipLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportConfigTest {

    private static final ListenPoint UDP = ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 5060));

    @Test
    void defaultsAreTheNamedConstants() {
        TransportConfig config = TransportConfig.of(UDP);

        assertEquals(List.of(UDP), config.listenPoints());
        assertEquals(1300, config.udpMaxRequestSize());
        assertEquals(4 * 1024 * 1024, config.udpReceiveBufferSize());
        assertEquals(TransportConfig.DEFAULT_TCP_IDLE_TIMEOUT, config.tcpIdleTimeout());
        assertEquals(TransportConfig.DEFAULT_TCP_CONNECT_TIMEOUT, config.tcpConnectTimeout());
        assertEquals(TransportConfig.DEFAULT_MAX_CONNECTIONS, config.maxConnections());
        assertEquals(SipLimits.defaults(), config.sipLimits());
        assertEquals(false, config.ioUringEnabled());
        assertEquals(false, config.discardUnmatchedResponses());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        TransportConfig config = TransportConfig.builder()
                .listen(UDP)
                .eventLoopThreads(3)
                .ioUringEnabled(true)
                .udpMaxRequestSize(1000)
                .udpMaxDatagramSize(9000)
                .udpReceiveBufferSize(1 << 20)
                .udpReusePort(false)
                .tcpReceiveBufferSize(1 << 16)
                .tcpIdleTimeout(Duration.ofSeconds(30))
                .tcpConnectTimeout(Duration.ofSeconds(2))
                .maxConnections(10)
                .sipLimits(SipLimits.defaults().withMaxMessageSize(4096))
                .discardUnmatchedResponses(true)
                .sentByHost("sip.voxplane.test")
                .build();

        assertEquals(config, config.toBuilder().build());
    }

    @Test
    void nonsenseValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.builder().udpMaxRequestSize(0).build());
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.builder().maxConnections(0).build());
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.builder().eventLoopThreads(-1).build());
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.builder().tcpIdleTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class,
                () -> TransportConfig.builder().tcpConnectTimeout(Duration.ofSeconds(-1)).build());
    }
}
