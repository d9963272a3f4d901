package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.voxplane.sip.Parameters;
import io.voxplane.sip.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 3261 s18.2.1 and RFC 3581 s4 on the top Via of a received request. */
class ReceivedViaStampTest {

    private static final InetSocketAddress SOURCE = new InetSocketAddress(address("192.0.2.7"), 40_000);

    private static Via via(String host, int port, Parameters parameters) {
        return new Via("UDP", host, port, parameters.with("branch", "z9hG4bK-1"));
    }

    @Test
    void literalSentByEqualToTheSourceIsLeftAlone() {
        Via via = via("192.0.2.7", 5060, Parameters.empty());
        assertSame(via, ReceivedViaStamp.apply(via, SOURCE));
    }

    @Test
    void sentByPortDifferentFromTheSourcePortIsNoReasonForReceived() {
        Via via = via("192.0.2.7", 5070, Parameters.empty());
        assertSame(via, ReceivedViaStamp.apply(via, SOURCE));
    }

    @Test
    void otherLiteralGetsReceived() {
        Via stamped = ReceivedViaStamp.apply(via("198.51.100.1", 5060, Parameters.empty()), SOURCE);
        assertEquals("192.0.2.7", stamped.received().orElseThrow());
        assertEquals(false, stamped.hasRport());
    }

    @Test
    void hostNameGetsReceived() {
        Via stamped = ReceivedViaStamp.apply(via("client.example.com", -1, Parameters.empty()), SOURCE);
        assertEquals("192.0.2.7", stamped.received().orElseThrow());
    }

    @Test
    void emptyRportGetsTheSourcePortAndReceivedEvenWhenTheHostMatches() {
        Via stamped = ReceivedViaStamp.apply(via("192.0.2.7", 5060, Parameters.empty().with("rport", null)), SOURCE);
        assertEquals(40_000, stamped.rport().orElseThrow());
        assertEquals("192.0.2.7", stamped.received().orElseThrow());
    }

    @Test
    void rportWithAValueIsNotOverwritten() {
        Via stamped = ReceivedViaStamp.apply(via("client.example.com", 5060, Parameters.empty().with("rport", "1234")), SOURCE);
        assertEquals(1234, stamped.rport().orElseThrow());
        assertEquals("192.0.2.7", stamped.received().orElseThrow());
    }

    @Test
    void ipv6SourceIsWrittenWithoutBrackets() {
        InetSocketAddress source = new InetSocketAddress(address("2001:db8::9"), 5062);
        Via stamped = ReceivedViaStamp.apply(via("[2001:db8::10]", 5060, Parameters.empty().with("rport", null)), source);
        assertEquals("2001:db8:0:0:0:0:0:9", stamped.received().orElseThrow());
        assertEquals(5062, stamped.rport().orElseThrow());
    }

    @Test
    void ipv6SentByInAnotherSpellingOfTheSourceIsLeftAlone() {
        InetSocketAddress source = new InetSocketAddress(address("2001:db8::9"), 5060);
        Via via = via("[2001:DB8:0::9]", 5060, Parameters.empty());
        assertSame(via, ReceivedViaStamp.apply(via, source));
    }

    static InetAddress address(String literal) {
        return IpLiterals.parse(literal).orElseThrow();
    }
}
