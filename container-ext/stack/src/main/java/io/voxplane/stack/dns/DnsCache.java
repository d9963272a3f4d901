package io.voxplane.stack.dns;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link DnsClient} that remembers the answers of another one: a found record set for
 * {@link DnsConfig#cacheTtl()}, a negative answer (NXDOMAIN or no record of the type) for
 * {@link DnsConfig#negativeCacheTtl()}. The record TTLs themselves are not known (the JDK's DNS
 * client does not expose them), hence one configured TTL for all.
 *
 * <p>Failures ({@link DnsLookupException}) are not cached, so a server back from an outage is
 * used at once; while it is down, each lookup waits for the timeout again.
 *
 * <p>At most {@link DnsConfig#maxCacheEntries()} entries; past that the least recently used goes.
 * Thread-safe: one lock around the map, held only for map operations, never during a query.
 * Threads that miss the same entry while it is being asked for wait for that one query rather
 * than sending their own (a burst of calls to a trunk whose entry just expired makes one query);
 * the wait is bounded by the query's own timeout.
 */
public final class DnsCache implements DnsClient {

    private record Key(String name, DnsRecordType type) {
    }

    private record Cached(DnsAnswer answer, Instant expires) {
    }

    private final DnsClient delegate;
    private final InstantSource clock;
    private final Duration positiveTtl;
    private final Duration negativeTtl;
    private final Map<Key, Cached> entries;
    private final Map<Key, CompletableFuture<DnsAnswer>> asking = new ConcurrentHashMap<>();

    public DnsCache(DnsClient delegate, DnsConfig config, InstantSource clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.positiveTtl = config.cacheTtl();
        this.negativeTtl = config.negativeCacheTtl();
        int max = config.maxCacheEntries();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > max;
            }
        };
    }

    @Override
    public DnsAnswer query(String name, DnsRecordType type) throws DnsLookupException {
        Key key = new Key(name.toLowerCase(Locale.ROOT), type);
        Instant now = clock.instant();
        synchronized (entries) {
            Cached entry = entries.get(key);
            if (entry != null) {
                if (now.isBefore(entry.expires())) {
                    return entry.answer();
                }
                entries.remove(key);
            }
        }
        CompletableFuture<DnsAnswer> mine = new CompletableFuture<>();
        CompletableFuture<DnsAnswer> pending = asking.putIfAbsent(key, mine);
        if (pending != null) {
            return awaitOther(pending);
        }
        try {
            DnsAnswer answer = delegate.query(name, type);
            Duration ttl = answer.isEmpty() ? negativeTtl : positiveTtl;
            if (ttl.isPositive()) {
                synchronized (entries) {
                    entries.put(key, new Cached(answer, clock.instant().plus(ttl)));
                }
            }
            mine.complete(answer);
            return answer;
        } catch (DnsLookupException | RuntimeException failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            asking.remove(key, mine);
            if (!mine.isDone()) {
                // an Error went through: release the waiting threads all the same
                mine.completeExceptionally(new IllegalStateException("DNS lookup of " + type + " " + name + " broke off"));
            }
        }
    }

    private static DnsAnswer awaitOther(CompletableFuture<DnsAnswer> pending) throws DnsLookupException {
        try {
            return pending.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof DnsLookupException lookup) {
                throw lookup;
            }
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
        }
    }

    /** Entries held, expired ones included until they are next looked up or pushed out. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
