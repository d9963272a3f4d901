package io.voxplane.stack.auth;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable {@link CredentialStore} held in memory, built from configuration.
 *
 * <p>There is no built-in user and no default password: {@link #empty()} (the default store)
 * knows nobody, so every credential is refused until users are configured.
 *
 * <p>{@link #fromProperties(Map)} reads keys of this form (the prefix is stripped by the caller,
 * e.g. from {@code voxplane.auth.}):
 * <pre>
 *   user.alice.password=secret
 *   user.bob.ha1.SHA-256=&lt;64 hex digits&gt;
 *   user.bob.ha1.MD5=&lt;32 hex digits&gt;
 * </pre>
 * A username may not contain a dot. Other keys are ignored so that one map can carry all
 * authentication settings.
 */
public final class InMemoryCredentialStore implements CredentialStore {

    /** Key prefix of user entries in {@link #fromProperties(Map)}. */
    public static final String USER_PREFIX = "user.";

    private static final InMemoryCredentialStore EMPTY = new InMemoryCredentialStore(Map.of());

    private final Map<String, UserCredentials> users;

    private InMemoryCredentialStore(Map<String, UserCredentials> users) {
        this.users = Map.copyOf(users);
    }

    /** The default store: no users at all. */
    public static InMemoryCredentialStore empty() {
        return EMPTY;
    }

    /** A store holding exactly these users. */
    public static InMemoryCredentialStore of(Iterable<UserCredentials> users) {
        Map<String, UserCredentials> map = new HashMap<>();
        for (UserCredentials u : users) {
            if (map.putIfAbsent(u.username(), u) != null) {
                throw new AuthException(AuthException.BAD_CONFIGURATION, "user " + u.username() + " is configured twice");
            }
        }
        return new InMemoryCredentialStore(map);
    }

    /**
     * A store from {@code user.<name>.password} and {@code user.<name>.ha1.<algorithm>} entries.
     *
     * @throws AuthException {@link AuthException#BAD_CONFIGURATION} for an unknown algorithm, an
     *                       HA1 of the wrong length, or an unknown user attribute
     */
    public static InMemoryCredentialStore fromProperties(Map<String, String> properties) {
        Map<String, String> passwords = new HashMap<>();
        Map<String, Map<DigestAlgorithm, String>> hashes = new HashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(USER_PREFIX)) {
                continue;
            }
            String rest = key.substring(USER_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0) {
                throw bad(key, "expected user.<name>.password or user.<name>.ha1.<algorithm>");
            }
            String user = rest.substring(0, dot);
            String attribute = rest.substring(dot + 1);
            if (attribute.equals("password")) {
                passwords.put(user, e.getValue());
            } else if (attribute.startsWith("ha1.")) {
                DigestAlgorithm algorithm = DigestAlgorithm.fromToken(attribute.substring(4))
                        .orElseThrow(() -> bad(key, "unknown digest algorithm"));
                String hex = e.getValue().trim().toLowerCase(java.util.Locale.ROOT);
                if (hex.length() != algorithm.hash("").length() || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw bad(key, "an " + algorithm.token() + " HA1 is " + algorithm.hash("").length() + " hex digits");
                }
                hashes.computeIfAbsent(user, u -> new EnumMap<>(DigestAlgorithm.class)).put(algorithm, hex);
            } else {
                throw bad(key, "unknown user attribute " + attribute);
            }
        }
        Map<String, UserCredentials> users = new HashMap<>();
        for (String user : union(passwords, hashes)) {
            users.put(user, new UserCredentials(user, passwords.get(user), hashes.getOrDefault(user, Map.of())));
        }
        return new InMemoryCredentialStore(users);
    }

    @Override
    public Optional<UserCredentials> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** The number of configured users. */
    public int size() {
        return users.size();
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> names = new java.util.HashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    private static AuthException bad(String key, String why) {
        return new AuthException(AuthException.BAD_CONFIGURATION, "credential entry " + key + ": " + why);
    }
}
