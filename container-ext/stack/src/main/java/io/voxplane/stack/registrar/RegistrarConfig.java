package io.voxplane.stack.registrar;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registrar settings (RFC 3261 s10.3). Keys under {@code voxplane.registrar.}.
 *
 * @param defaultExpires     expiry when the REGISTER gives none ({@code default-expires})
 * @param minExpires         shortest accepted expiry; shorter gets 423 ({@code min-expires})
 * @param maxExpires         longer expiries are cut to this ({@code max-expires})
 * @param maxBindingsPerAor  bindings one AOR may hold ({@code max-bindings-per-aor})
 * @param sweepInterval      how often expired bindings are purged ({@code sweep-interval})
 * @param domains            domains served (Request-URI host, lower case); empty serves any
 */
public record RegistrarConfig(Duration defaultExpires, Duration minExpires, Duration maxExpires,
                              int maxBindingsPerAor, Duration sweepInterval, Set<String> domains) {

    /** s10.2.1.1: "a default of 3600 seconds" when the client proposes nothing. */
    public static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(3600);

    /**
     * 60 s: s10.3 step 7 lets a registrar refuse intervals that would make refreshes a burden
     * (423); a minute keeps a refresh rate of a few per minute per device at worst.
     */
    public static final Duration MIN_EXPIRES = Duration.ofSeconds(60);

    /**
     * 86,400 s (one day): longer requests are shortened (s10.3 step 7 allows the registrar to
     * pick a shorter time), so a device that vanished does not hold a binding for weeks.
     */
    public static final Duration MAX_EXPIRES = Duration.ofSeconds(86_400);

    /**
     * 10 bindings per AOR: a user's phones, softphones and apps, with room to spare; it bounds the
     * memory and the fork fan-out one AOR can cause. Past it the REGISTER gets 403 (a policy
     * refusal the client should not retry; 503 would make it fail over to another server of the
     * same cluster, where the same limit applies).
     */
    public static final int DEFAULT_MAX_BINDINGS_PER_AOR = 10;

    /** 30 s: expired bindings are already hidden from lookups; the sweep only frees memory. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

    public RegistrarConfig {
        if (minExpires.isNegative() || minExpires.compareTo(maxExpires) > 0
                || defaultExpires.compareTo(minExpires) < 0 || defaultExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("need 0 <= min-expires <= default-expires <= max-expires: "
                    + minExpires + ", " + defaultExpires + ", " + maxExpires);
        }
        if (maxBindingsPerAor < 1) {
            throw new IllegalArgumentException("max-bindings-per-aor must be positive: " + maxBindingsPerAor);
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("sweep-interval must be positive: " + sweepInterval);
        }
        domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The defaults above, serving any domain. */
    public static RegistrarConfig defaults() {
        return new RegistrarConfig(DEFAULT_EXPIRES, MIN_EXPIRES, MAX_EXPIRES, DEFAULT_MAX_BINDINGS_PER_AOR,
                DEFAULT_SWEEP_INTERVAL, Set.of());
    }

    public RegistrarConfig withMaxBindingsPerAor(int max) {
        return new RegistrarConfig(defaultExpires, minExpires, maxExpires, max, sweepInterval, domains);
    }

    public RegistrarConfig withDomains(Set<String> served) {
        return new RegistrarConfig(defaultExpires, minExpires, maxExpires, maxBindingsPerAor, sweepInterval, served);
    }
}
