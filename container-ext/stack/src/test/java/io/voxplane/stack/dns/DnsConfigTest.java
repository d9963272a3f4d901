package io.voxplane.stack.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server addresses as configured, and the bounds of the settings. */
class DnsConfigTest {

    @Test
    void serverIsAnAddressLiteralWithAnOptionalPort() {
        assertEquals(new InetSocketAddress("10.0.0.2", 53), DnsConfig.parseServer("10.0.0.2"));
        assertEquals(new InetSocketAddress("10.0.0.2", 5353), DnsConfig.parseServer(" 10.0.0.2:5353 "));
        assertEquals(new InetSocketAddress("::1", 53), DnsConfig.parseServer("[::1]"));
        assertEquals(new InetSocketAddress("::1", 5353), DnsConfig.parseServer("[::1]:5353"));
    }

    @Test
    void serverNameOrBadPortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parseServer("dns.example.com"));
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parseServer("10.0.0.2:0"));
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parseServer("10.0.0.2:x"));
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parseServer("[::1"));
        assertThrows(IllegalArgumentException.class, () -> DnsConfig.parseServer("::1"));
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        DnsConfig defaults = DnsConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withTimeout(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withTimeout(Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxCacheEntries(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withCacheTtl(Duration.ofSeconds(-1), Duration.ZERO));
    }

    @Test
    void serversBecomeTheJndiProviderUrl() {
        DnsConfig config = DnsConfig.defaults().withServers(List.of(new InetSocketAddress("10.0.0.2", 53),
                new InetSocketAddress("::1", 5353)));

        assertEquals("dns://10.0.0.2:53 dns://[0:0:0:0:0:0:0:1]:5353", new JndiDnsClient(config).providerUrl());
        assertEquals("", new JndiDnsClient(DnsConfig.defaults()).providerUrl());
    }
}
