package io.voxplane.stack.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The cache over a counting fake client, with a virtual clock. */
class DnsCacheTest {

    private final List<String> asked = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;

    private final DnsClient counting = (name, type) -> {
        asked.add(type + " " + name);
        return name.startsWith("missing") ? DnsAnswer.NO_SUCH_NAME : DnsAnswer.of(List.of("10.0.0.1"));
    };

    @Test
    void namesAreCachedCaseInsensitivelyPerType() throws DnsLookupException {
        DnsCache cache = new DnsCache(counting, DnsConfig.defaults(), clock);

        cache.query("Host.test", DnsRecordType.A);
        cache.query("host.test", DnsRecordType.A);
        cache.query("host.test", DnsRecordType.AAAA);

        assertEquals(List.of("A Host.test", "AAAA host.test"), asked);
    }

    @Test
    void leastRecentlyUsedEntryGoesPastTheBound() throws DnsLookupException {
        DnsCache cache = new DnsCache(counting, DnsConfig.defaults().withMaxCacheEntries(2), clock);

        cache.query("one.test", DnsRecordType.A);
        cache.query("two.test", DnsRecordType.A);
        cache.query("one.test", DnsRecordType.A);
        cache.query("three.test", DnsRecordType.A);
        cache.query("one.test", DnsRecordType.A);
        cache.query("two.test", DnsRecordType.A);

        assertEquals(2, cache.size());
        assertEquals(List.of("A one.test", "A two.test", "A three.test", "A two.test"), asked);
    }

    @Test
    void zeroTtlCachesNothing() throws DnsLookupException {
        DnsCache cache = new DnsCache(counting, DnsConfig.defaults().withCacheTtl(Duration.ZERO, Duration.ZERO), clock);

        cache.query("host.test", DnsRecordType.A);
        cache.query("missing.test", DnsRecordType.A);
        cache.query("host.test", DnsRecordType.A);
        cache.query("missing.test", DnsRecordType.A);

        assertEquals(4, asked.size());
        assertEquals(0, cache.size());
    }

    @Test
    void failuresAreNotCached() {
        int[] calls = {0};
        DnsCache cache = new DnsCache((name, type) -> {
            calls[0]++;
            throw new DnsLookupException(name, type, "timed out", null);
        }, DnsConfig.defaults(), clock);

        assertThrows(DnsLookupException.class, () -> cache.query("host.test", DnsRecordType.A));
        assertThrows(DnsLookupException.class, () -> cache.query("host.test", DnsRecordType.A));
        assertEquals(2, calls[0]);
    }
}
