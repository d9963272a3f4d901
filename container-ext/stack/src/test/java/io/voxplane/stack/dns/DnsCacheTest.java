package io.voxplane.stack.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    @Test
    @Timeout(10)
    void threadsMissingTheSameEntryShareOneQuery() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DnsCache cache = new DnsCache((name, type) -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DnsAnswer.of(List.of("10.0.0.1"));
        }, DnsConfig.defaults(), clock);

        CompletableFuture<DnsAnswer> first = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> complete(first, cache));
        assertEquals(true, entered.await(5, TimeUnit.SECONDS));
        CompletableFuture<DnsAnswer> second = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> complete(second, cache));
        // the second thread parks: on the first one's query, or (without sharing) in its own
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (waiter.getState() != Thread.State.WAITING && waiter.getState() != Thread.State.TIMED_WAITING
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertEquals(List.of("10.0.0.1"), first.get(5, TimeUnit.SECONDS).records());
        assertEquals(List.of("10.0.0.1"), second.get(5, TimeUnit.SECONDS).records());
        assertEquals(1, calls.get());
    }

    private static void complete(CompletableFuture<DnsAnswer> result, DnsCache cache) {
        try {
            result.complete(cache.query("host.test", DnsRecordType.A));
        } catch (DnsLookupException e) {
            result.completeExceptionally(e);
        }
    }
}
