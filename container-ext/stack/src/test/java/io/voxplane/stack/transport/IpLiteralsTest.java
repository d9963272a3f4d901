package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3261 s25.1 IPv4address and IPv6reference literals, recognised without any lookup. */
class IpLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "10.20.30.40", "255.255.255.255", "192.168.100.199",
            "::1", "[::1]", "2001:db8::5", "[2001:db8::5]", "::ffff:192.0.2.1"})
    void literalsAreRecognised(String host) {
        assertTrue(IpLiterals.isLiteral(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04",
            "1234.1.1.1", "1..2.3", "1.2.3.4.", ".1.2.3", "a.b.c.d", "1.2.3.4a", "[]", "g::1", "[1.2.3.4"})
    void namesAndMalformedLiteralsAreNot(String host) {
        assertFalse(IpLiterals.isLiteral(host), host);
    }
}
