package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenPointTest {

    @Test
    void parsesIpv4AndIpv6AndPrintsTheSameForm() {
        ListenPoint udp = ListenPoint.parse("udp:127.0.0.1:5060");
        assertEquals(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 5060)), udp);
        assertEquals("udp:127.0.0.1:5060", udp.toString());

        ListenPoint tcp = ListenPoint.parse("TCP:[::1]:0");
        assertEquals(ListenPoint.tcp(new InetSocketAddress(Loopback.ipv6(), 0)), tcp);
        assertEquals("tcp:[0:0:0:0:0:0:0:1]:0", tcp.toString());
    }

    @Test
    void rejectsHostNamesUnknownTransportsAndBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> ListenPoint.parse("udp:localhost:5060"));
        assertThrows(IllegalArgumentException.class, () -> ListenPoint.parse("sctp:127.0.0.1:5060"));
        assertThrows(IllegalArgumentException.class, () -> ListenPoint.parse("udp:127.0.0.1:x"));
        assertThrows(IllegalArgumentException.class, () -> ListenPoint.parse("udp:127.0.0.1:70000"));
        assertThrows(IllegalArgumentException.class, () -> ListenPoint.parse("127.0.0.1"));
    }
}
