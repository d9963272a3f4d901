package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.Parameters;
import io.voxplane.sip.Via;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 3261 s18.2.2 and RFC 3581 s4: where a response goes when it cannot follow a connection. */
class ResponseDestinationTest {

    private static Via via(String host, int port, Parameters parameters) {
        return new Via("UDP", host, port, parameters.with("branch", "z9hG4bK-1"));
    }

    private static InetSocketAddress at(String ip, int port) {
        return new InetSocketAddress(IpLiterals.parse(ip).orElseThrow(), port);
    }

    @Test
    void unreliableGoesToReceivedAtRport() {
        Via via = via("client.test", 5070, Parameters.empty().with("rport", "40000").with("received", "192.0.2.7"));
        assertEquals(at("192.0.2.7", 40_000), ResponseDestination.unreliable(via).orElseThrow());
    }

    @Test
    void unreliableWithoutRportGoesToReceivedAtTheSentByPort() {
        Via via = via("client.test", 5070, Parameters.empty().with("received", "192.0.2.7"));
        assertEquals(at("192.0.2.7", 5070), ResponseDestination.unreliable(via).orElseThrow());
    }

    @Test
    void unreliableWithoutPortGoesTo5060() {
        assertEquals(at("192.0.2.7", 5060), ResponseDestination.unreliable(via("192.0.2.7", -1, Parameters.empty())).orElseThrow());
    }

    @Test
    void ipv6SentByIsUsedWithoutBrackets() {
        assertEquals(at("2001:db8::10", 5070),
                ResponseDestination.unreliable(via("[2001:db8::10]", 5070, Parameters.empty())).orElseThrow());
    }

    @Test
    void bracketedIpv6ReceivedIsAccepted() {
        Via via = via("client.test", 5070, Parameters.empty().with("received", "[2001:db8::9]"));
        assertEquals(at("2001:db8::9", 5070), ResponseDestination.unreliable(via).orElseThrow());
    }

    @Test
    void reliableIgnoresRportAndUsesTheSentByPort() {
        Via via = via("client.test", 5070, Parameters.empty().with("rport", "40000").with("received", "192.0.2.7"));
        assertEquals(at("192.0.2.7", 5070), ResponseDestination.reliable(via).orElseThrow());
    }

    @Test
    void hostNameWithoutReceivedHasNoDestinationBecauseTheTransportDoesNoDns() {
        assertTrue(ResponseDestination.unreliable(via("client.test", 5070, Parameters.empty())).isEmpty());
    }
}
