package io.voxplane.stack.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipUri;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import io.voxplane.stack.ua.UserAgentException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 3263 s4 resolution through the JDK's DNS client against {@link DnsServerDouble} on
 * loopback: literals, A with an explicit port, SRV priorities and weights, the A fallback,
 * transport choice, NXDOMAIN, a dead server, the cache.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DnsTargetResolverTest {

    private final DnsServerDouble dns = newDouble();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    /**
     * JNDI resends a query its first timeout leaves unanswered, and the tests count queries: 5 s,
     * not 500 ms, so a double thread starved on a loaded machine is not asked twice.
     */
    private DnsConfig config = DnsConfig.defaults().withServers(List.of(dns.address()))
            .withTimeout(Duration.ofSeconds(5), 2);

    private static DnsServerDouble newDouble() {
        try {
            return new DnsServerDouble();
        } catch (java.net.SocketException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        dns.close();
    }

    private DnsTargetResolver resolver() {
        return new DnsTargetResolver(new DnsCache(new JndiDnsClient(config), config, clock), new Random(7));
    }

    private static SipUri uri(String text) {
        try {
            return SipUri.parse(text);
        } catch (SipParseException e) {
            throw new AssertionError(text, e);
        }
    }

    private static Target target(TransportType transport, String address, int port) {
        return new Target(transport, new InetSocketAddress(address, port));
    }

    @Test
    void ipLiteralIsUsedAsIsWithoutAnyQuery() {
        DnsTargetResolver resolver = resolver();

        assertEquals(target(TransportType.UDP, "127.0.0.1", 5070), resolver.resolve(uri("sip:bob@127.0.0.1:5070")));
        assertEquals(target(TransportType.TCP, "::1", 5060), resolver.resolve(uri("sip:bob@[::1];transport=tcp")));
        assertEquals(0, dns.totalQueries());
    }

    @Test
    void maddrIsTheTargetInsteadOfTheHost() {
        assertEquals(target(TransportType.UDP, "10.1.1.1", 5060),
                resolver().resolve(uri("sip:bob@somewhere.test;maddr=10.1.1.1")));
        assertEquals(0, dns.totalQueries());
    }

    @Test
    void hostWithPortIsResolvedByItsARecordWithThatPort() {
        dns.a("trunk.test", "10.0.0.7");

        assertEquals(target(TransportType.UDP, "10.0.0.7", 5080), resolver().resolve(uri("sip:1234@trunk.test:5080")));
        assertEquals(0, dns.queries("_sip._udp.trunk.test", "SRV"), "an explicit port means no SRV");
        assertEquals(0, dns.queries("trunk.test", "AAAA"), "AAAA only when there is no A");
    }

    @Test
    void hostThatIsAnAliasGetsTheAddressOfItsCanonicalName() {
        dns.cname("trunk.test", "edge-1.provider.test").a("edge-1.provider.test", "10.0.0.8");

        assertEquals(target(TransportType.UDP, "10.0.0.8", 5060), resolver().resolve(uri("sip:1234@trunk.test:5060")));
    }

    @Test
    void hostWithOnlyAnAaaaRecordGetsItsIpv6Address() {
        dns.aaaa("v6.test", "::1");

        assertEquals(target(TransportType.TCP, "::1", 5090), resolver().resolve(uri("sip:bob@v6.test:5090;transport=tcp")));
    }

    @Test
    void srvRecordOfTheLowestPriorityIsUsedFirst() {
        dns.srv("_sip._udp.callee.test", 20, 100, 5062, "backup.callee.test")
                .srv("_sip._udp.callee.test", 10, 1, 5061, "main.callee.test")
                .a("backup.callee.test", "10.0.0.2")
                .a("main.callee.test", "10.0.0.1");
        DnsTargetResolver resolver = resolver();

        for (int i = 0; i < 50; i++) {
            assertEquals(target(TransportType.UDP, "10.0.0.1", 5061), resolver.resolve(uri("sip:bob@callee.test")));
        }
    }

    @Test
    void srvTargetWithoutAddressIsSkippedForTheNextOne() {
        dns.srv("_sip._udp.callee.test", 10, 0, 5061, "gone.callee.test")
                .srv("_sip._udp.callee.test", 20, 0, 5062, "backup.callee.test")
                .a("backup.callee.test", "10.0.0.2");

        assertEquals(target(TransportType.UDP, "10.0.0.2", 5062), resolver().resolve(uri("sip:bob@callee.test")));
    }

    @Test
    void srvWeightsShareTheLoadAmongEqualPriorities() {
        dns.srv("_sip._udp.pool.test", 10, 75, 5061, "heavy.pool.test")
                .srv("_sip._udp.pool.test", 10, 25, 5062, "light.pool.test")
                .a("heavy.pool.test", "10.0.0.1")
                .a("light.pool.test", "10.0.0.2");
        DnsTargetResolver resolver = resolver();

        int picks = 4_000;
        int heavy = 0;
        for (int i = 0; i < picks; i++) {
            if (resolver.resolve(uri("sip:bob@pool.test")).address().getPort() == 5061) {
                heavy++;
            }
        }
        // RFC 2782 draws from 0..75+25 inclusive: 76 of 101 draws pick the heavy record
        double share = heavy / (double) picks;
        assertTrue(share > 0.72 && share < 0.79, "share of weight 75 against 25: " + share);
        assertEquals(1, dns.queries("_sip._udp.pool.test", "SRV"), "cached after the first lookup");
    }

    @Test
    void hostWithoutSrvIsResolvedByItsARecordOnPort5060OverUdp() {
        dns.a("plain.test", "10.0.0.9");

        assertEquals(target(TransportType.UDP, "10.0.0.9", 5060), resolver().resolve(uri("sip:bob@plain.test")));
        assertEquals(1, dns.queries("_sip._udp.plain.test", "SRV"));
        assertEquals(1, dns.queries("_sip._tcp.plain.test", "SRV"), "UDP then TCP (RFC 3263 s4.1)");
    }

    @Test
    void tcpIsChosenWhenOnlyTcpHasSrvRecords() {
        dns.srv("_sip._tcp.tcponly.test", 0, 0, 5070, "sip.tcponly.test").a("sip.tcponly.test", "10.0.0.3");

        assertEquals(target(TransportType.TCP, "10.0.0.3", 5070), resolver().resolve(uri("sip:bob@tcponly.test")));
    }

    @Test
    void transportTcpAsksForSipTcpSrvOnly() {
        dns.srv("_sip._udp.callee.test", 0, 0, 5061, "udp.callee.test")
                .srv("_sip._tcp.callee.test", 0, 0, 5071, "tcp.callee.test")
                .a("udp.callee.test", "10.0.0.1")
                .a("tcp.callee.test", "10.0.0.2");

        assertEquals(target(TransportType.TCP, "10.0.0.2", 5071),
                resolver().resolve(uri("sip:bob@callee.test;transport=tcp")));
        assertEquals(1, dns.queries("_sip._tcp.callee.test", "SRV"));
        assertEquals(0, dns.queries("_sip._udp.callee.test", "SRV"));
    }

    @Test
    void unknownHostFailsWithUnresolvableNamingTheHost() {
        UserAgentException failed = assertThrows(UserAgentException.class,
                () -> resolver().resolve(uri("sip:bob@nowhere.test")));

        assertEquals(UserAgentException.UNRESOLVABLE, failed.errorCode());
        assertTrue(failed.getMessage().contains("nowhere.test"), failed.getMessage());
    }

    @Test
    void deadDnsServerFailsWithDnsFailureNamingTheHost() {
        dns.silent();
        config = config.withTimeout(Duration.ofMillis(100), 1);

        UserAgentException failed = assertThrows(UserAgentException.class,
                () -> resolver().resolve(uri("sip:bob@trunk.test:5060")));

        assertEquals(UserAgentException.DNS_FAILURE, failed.errorCode());
        assertTrue(failed.getMessage().contains("trunk.test"), failed.getMessage());
        assertTrue(dns.totalQueries() >= 1, "the query reached the server");
    }

    @Test
    void cachedAnswerIsReusedUntilItsTtlEnds() {
        dns.a("trunk.test", "10.0.0.7");
        config = config.withCacheTtl(Duration.ofSeconds(60), Duration.ofSeconds(30));
        DnsTargetResolver resolver = resolver();

        resolver.resolve(uri("sip:a@trunk.test:5060"));
        resolver.resolve(uri("sip:b@trunk.test:5060"));
        assertEquals(1, dns.queries("trunk.test", "A"), "second resolve served from the cache");

        now.set(now.get().plusSeconds(61));
        resolver.resolve(uri("sip:c@trunk.test:5060"));
        assertEquals(2, dns.queries("trunk.test", "A"), "asked again once the TTL passed");
    }

    @Test
    void negativeAnswerIsCachedForTheNegativeTtl() {
        config = config.withCacheTtl(Duration.ofSeconds(60), Duration.ofSeconds(30));
        DnsTargetResolver resolver = resolver();

        assertThrows(UserAgentException.class, () -> resolver.resolve(uri("sip:bob@nowhere.test:5060")));
        assertThrows(UserAgentException.class, () -> resolver.resolve(uri("sip:bob@nowhere.test:5060")));
        assertEquals(1, dns.queries("nowhere.test", "A"));

        now.set(now.get().plusSeconds(31));
        assertThrows(UserAgentException.class, () -> resolver.resolve(uri("sip:bob@nowhere.test:5060")));
        assertEquals(2, dns.queries("nowhere.test", "A"));
    }

    @Test
    void sipsAndTlsFailWithUnsupportedTransport() {
        DnsTargetResolver resolver = resolver();

        UserAgentException sips = assertThrows(UserAgentException.class,
                () -> resolver.resolve(uri("sips:bob@callee.test")));
        UserAgentException tls = assertThrows(UserAgentException.class,
                () -> resolver.resolve(uri("sip:bob@callee.test;transport=tls")));

        assertEquals(UserAgentException.UNSUPPORTED_TRANSPORT, sips.errorCode());
        assertEquals(UserAgentException.UNSUPPORTED_TRANSPORT, tls.errorCode());
        assertEquals(0, dns.totalQueries());
    }
}
