package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Parameters;
import io.voxplane.sip.Via;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 s18.1.2: is the top Via of a response ours? */
class SentByMatcherTest {

    private final SentByMatcher matcher = new SentByMatcher(
            List.of(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 5070))), List.of("sip.voxplane.test"));

    private static Via via(String host, int port) {
        return new Via("UDP", host, port, Parameters.empty().with("branch", "z9hG4bK-1"));
    }

    @Test
    void listenerAddressAndPortMatch() {
        assertTrue(matcher.isOurs(via("127.0.0.1", 5070)));
    }

    @Test
    void configuredHostNameMatchesCaseInsensitively() {
        assertTrue(matcher.isOurs(via("SIP.voxplane.test", 5070)));
    }

    @Test
    void otherHostOrPortDoesNotMatch() {
        assertFalse(matcher.isOurs(via("127.0.0.2", 5070)));
        assertFalse(matcher.isOurs(via("127.0.0.1", 5071)));
        assertFalse(matcher.isOurs(via("127.0.0.1", -1)), "no port means 5060");
        assertFalse(matcher.isOurs(via("elsewhere.test", 5070)));
    }
}
