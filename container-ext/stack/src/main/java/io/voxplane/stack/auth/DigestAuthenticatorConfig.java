package io.voxplane.stack.auth;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link DigestAuthenticator}. There is no default secret and no default realm:
 * both come from configuration ({@code voxplane.auth.realm}, {@code voxplane.auth.secret}).
 *
 * @param realm            the protection realm (RFC 3261 s22.1: typically the domain)
 * @param secret           HMAC key of the stateless nonces, at least 16 bytes, shared by the
 *                         nodes of a cluster ({@code voxplane.auth.secret})
 * @param nonceTtl         how long a nonce is accepted ({@code voxplane.auth.nonce-ttl})
 * @param maxTrackedNonces bound of the replay cache ({@code voxplane.auth.max-tracked-nonces})
 * @param algorithms       challenges offered, in this order (RFC 8760 s2.4: SHA-256 before MD5)
 * @param kinds            method (upper case) to challenge kind; methods not listed get {@link #defaultKind}
 * @param defaultKind      kind for methods not in {@code kinds}
 * @param openMethods      methods accepted without credentials, besides ACK and CANCEL (s22.1)
 */
public record DigestAuthenticatorConfig(String realm, byte[] secret, Duration nonceTtl, int maxTrackedNonces,
                                        List<DigestAlgorithm> algorithms, Map<String, ChallengeKind> kinds,
                                        ChallengeKind defaultKind, Set<String> openMethods) {

    /**
     * Default nonce lifetime: 300 s. Long enough that a client re-registering or placing calls
     * reuses one nonce (nc 1, 2, ...) without a new challenge per request, short enough that a
     * captured nonce is soon worthless. Config key {@code voxplane.auth.nonce-ttl}.
     */
    public static final Duration DEFAULT_NONCE_TTL = Duration.ofSeconds(300);

    /** Minimum secret length (128 bits), checked at construction. */
    public static final int MIN_SECRET_BYTES = 16;

    public DigestAuthenticatorConfig {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new AuthException(AuthException.BAD_CONFIGURATION,
                    "voxplane.auth.secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (algorithms.isEmpty()) {
            throw new AuthException(AuthException.BAD_CONFIGURATION, "at least one digest algorithm must be offered");
        }
        secret = secret.clone();
        algorithms = List.copyOf(algorithms);
        kinds = Map.copyOf(kinds);
        openMethods = Set.copyOf(openMethods);
        Objects.requireNonNull(nonceTtl, "nonceTtl");
        Objects.requireNonNull(defaultKind, "defaultKind");
    }

    /** A copy of the secret (the record keeps its own). */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "DigestAuthenticatorConfig[realm=" + realm + ", nonceTtl=" + nonceTtl + ", maxTrackedNonces="
                + maxTrackedNonces + ", algorithms=" + algorithms + ", kinds=" + kinds + ", defaultKind=" + defaultKind
                + ", openMethods=" + openMethods + "]";
    }

    /** A builder with the defaults: REGISTER challenged with 401, every other method with 407. */
    public static Builder builder(String realm, byte[] secret) {
        return new Builder(realm, secret);
    }

    /** The challenge kind for {@code method}. */
    public ChallengeKind kindFor(String method) {
        ChallengeKind kind = kinds.get(method);
        return kind == null ? defaultKind : kind;
    }

    /** Builds a {@link DigestAuthenticatorConfig}. */
    public static final class Builder {
        private final String realm;
        private final byte[] secret;
        private Duration nonceTtl = DEFAULT_NONCE_TTL;
        private int maxTrackedNonces = NonceCountCache.DEFAULT_MAX_TRACKED_NONCES;
        private List<DigestAlgorithm> algorithms = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        private final Map<String, ChallengeKind> kinds = new HashMap<>(Map.of("REGISTER", ChallengeKind.SERVER));
        private ChallengeKind defaultKind = ChallengeKind.PROXY;
        private final Set<String> openMethods = new HashSet<>();

        private Builder(String realm, byte[] secret) {
            this.realm = realm;
            this.secret = secret;
        }

        public Builder nonceTtl(Duration ttl) {
            nonceTtl = ttl;
            return this;
        }

        public Builder maxTrackedNonces(int max) {
            maxTrackedNonces = max;
            return this;
        }

        /** Challenges offered, in order. */
        public Builder algorithms(List<DigestAlgorithm> offered) {
            algorithms = offered;
            return this;
        }

        /** Challenges {@code method} as {@code kind}. */
        public Builder kind(String method, ChallengeKind kind) {
            kinds.put(method.toUpperCase(Locale.ROOT), kind);
            return this;
        }

        public Builder defaultKind(ChallengeKind kind) {
            defaultKind = kind;
            return this;
        }

        /** Lets {@code method} through without credentials. */
        public Builder open(String method) {
            openMethods.add(method.toUpperCase(Locale.ROOT));
            return this;
        }

        public DigestAuthenticatorConfig build() {
            return new DigestAuthenticatorConfig(realm, secret, nonceTtl, maxTrackedNonces, algorithms, kinds,
                    defaultKind, openMethods);
        }
    }
}
