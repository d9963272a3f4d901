package io.voxplane.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.stack.dns.DnsConfig;
import io.voxplane.stack.proxy.ProxyConfig;
import io.voxplane.stack.transport.ListenPoint;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoxplaneSettingsTest {

    @Test
    void defaultsListenOnAllIpv4InterfacesPort5060OverUdpAndTcp() {
        VoxplaneSettings settings = VoxplaneSettings.defaults();
        assertEquals(List.of(ListenPoint.parse("udp:0.0.0.0:5060"), ListenPoint.parse("tcp:0.0.0.0:5060")),
                settings.transport().listenPoints());
        assertEquals(Duration.ofMillis(500), settings.transactions().t1());
        assertEquals(VoxplaneSettings.DEFAULT_BUS_MAX_IN_FLIGHT, settings.busMaxInFlight());
    }

    @Test
    void hostPortAndTransportsMakeTheListenPoints() {
        VoxplaneSettings settings = VoxplaneSettings.from(ConfigLookup.of(Map.of(
                VoxplaneSettings.SIP_HOST, "127.0.0.1",
                VoxplaneSettings.SIP_PORT, "15060",
                VoxplaneSettings.SIP_TRANSPORTS, "tcp")));
        assertEquals(List.of(ListenPoint.parse("tcp:127.0.0.1:15060")), settings.transport().listenPoints());
    }

    @Test
    void explicitListenListWinsOverHostAndPort() {
        VoxplaneSettings settings = VoxplaneSettings.from(ConfigLookup.of(Map.of(
                VoxplaneSettings.TRANSPORT_LISTEN, "udp:[::1]:5070, tcp:127.0.0.1:5071",
                VoxplaneSettings.SIP_PORT, "9999")));
        assertEquals(List.of(ListenPoint.parse("udp:[::1]:5070"), ListenPoint.parse("tcp:127.0.0.1:5071")),
                settings.transport().listenPoints());
    }

    @Test
    void timersReadIsoDurationsOrMilliseconds() {
        VoxplaneSettings settings = VoxplaneSettings.from(ConfigLookup.of(Map.of(
                VoxplaneSettings.TIMER_T1, "250",
                VoxplaneSettings.TIMER_T2, "PT2S")));
        assertEquals(Duration.ofMillis(250), settings.transactions().t1());
        assertEquals(Duration.ofSeconds(2), settings.transactions().t2());
    }

    @Test
    void badPortFailsNamingTheKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> VoxplaneSettings.from(
                ConfigLookup.of(Map.of(VoxplaneSettings.SIP_PORT, "fifty"))));
        assertEquals(VoxplaneSettings.SIP_PORT, e.key());
        assertTrue(e.getMessage().startsWith("VXCFG-001 voxplane.sip.port = 'fifty'"), e.getMessage());
    }

    @Test
    void hostNameInsteadOfAddressFailsNamingTheKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> VoxplaneSettings.from(
                ConfigLookup.of(Map.of(VoxplaneSettings.SIP_HOST, "pbx.example.com"))));
        assertEquals(VoxplaneSettings.SIP_HOST, e.key());
    }

    @Test
    void t2ShorterThanT1FailsNamingT2() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> VoxplaneSettings.from(
                ConfigLookup.of(Map.of(VoxplaneSettings.TIMER_T1, "PT5S", VoxplaneSettings.TIMER_T2, "PT1S"))));
        assertEquals(VoxplaneSettings.TIMER_T2, e.key());
    }

    @Test
    void unknownTransportFailsNamingTheKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> VoxplaneSettings.from(
                ConfigLookup.of(Map.of(VoxplaneSettings.SIP_TRANSPORTS, "udp,sctp"))));
        assertEquals(VoxplaneSettings.SIP_TRANSPORTS, e.key());
    }

    @Test
    void dnsDefaultsToTheSystemResolverWithTheDefaultCacheAndTimeout() {
        assertEquals(DnsConfig.defaults(), VoxplaneSettings.defaults().dns());
    }

    @Test
    void dnsKeysSetServersCacheAndTimeout() {
        DnsConfig dns = VoxplaneSettings.from(ConfigLookup.of(Map.of(
                VoxplaneSettings.DNS_SERVERS, "10.0.0.2, [::1]:5353",
                VoxplaneSettings.DNS_CACHE_TTL, "PT5M",
                VoxplaneSettings.DNS_NEGATIVE_CACHE_TTL, "0",
                VoxplaneSettings.DNS_TIMEOUT, "300",
                VoxplaneSettings.DNS_RETRIES, "3",
                VoxplaneSettings.DNS_CACHE_SIZE, "500"))).dns();

        assertEquals(List.of(new InetSocketAddress("10.0.0.2", 53), new InetSocketAddress("::1", 5353)), dns.servers());
        assertEquals(Duration.ofMinutes(5), dns.cacheTtl());
        assertEquals(Duration.ZERO, dns.negativeCacheTtl());
        assertEquals(Duration.ofMillis(300), dns.timeout());
        assertEquals(3, dns.retries());
        assertEquals(500, dns.maxCacheEntries());
    }

    @Test
    void badDnsValuesFailNamingTheKey() {
        Map<String, String> bad = Map.of(
                VoxplaneSettings.DNS_SERVERS, "dns.example.com:53",
                VoxplaneSettings.DNS_CACHE_TTL, "soon",
                VoxplaneSettings.DNS_TIMEOUT, "0",
                VoxplaneSettings.DNS_RETRIES, "0",
                VoxplaneSettings.DNS_CACHE_SIZE, "-1");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> VoxplaneSettings.from(
                    ConfigLookup.of(Map.of(entry.getKey(), entry.getValue()))), entry.getKey());
            assertEquals(entry.getKey(), e.key());
            assertTrue(e.getMessage().startsWith("VXCFG-001 " + entry.getKey()), e.getMessage());
        }
    }

    @Test
    void proxyDialogLimitDefaultsToTheStacksAndIsRead() {
        assertEquals(ProxyConfig.DEFAULT_MAX_DIALOGS, VoxplaneSettings.defaults().proxyMaxDialogs());
        VoxplaneSettings settings = VoxplaneSettings.from(ConfigLookup.of(Map.of(
                VoxplaneSettings.PROXY_MAX_DIALOGS, "2500")));
        assertEquals(2500, settings.proxyMaxDialogs());
    }

    @Test
    void proxyDialogMaxIdleDefaultsToTheStacksAndIsRead() {
        assertEquals(ProxyConfig.DEFAULT_DIALOG_MAX_IDLE, VoxplaneSettings.defaults().proxyDialogMaxIdle());
        assertEquals(Duration.ofHours(2), VoxplaneSettings.from(ConfigLookup.of(Map.of(
                VoxplaneSettings.PROXY_DIALOG_MAX_IDLE, "PT2H"))).proxyDialogMaxIdle());
    }

    @Test
    void negativeProxyDialogLimitFailsNamingTheKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> VoxplaneSettings.from(
                ConfigLookup.of(Map.of(VoxplaneSettings.PROXY_MAX_DIALOGS, "-1"))));
        assertEquals(VoxplaneSettings.PROXY_MAX_DIALOGS, e.key());
    }
}
