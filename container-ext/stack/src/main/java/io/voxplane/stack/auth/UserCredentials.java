package io.voxplane.stack.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CredentialStore} knows about one user: the password, or the precomputed
 * {@code HA1 = H(username:realm:password)} per algorithm (RFC 7616 s3.4.2), which lets a store
 * avoid keeping passwords at all. An HA1 is only valid for the realm it was computed with.
 *
 * @param password the clear password, or null when only HA1 values are stored
 * @param ha1      HA1 values in lower-case hex per algorithm (may be empty when a password is set)
 */
public record UserCredentials(String username, String password, Map<DigestAlgorithm, String> ha1) {

    public UserCredentials {
        Objects.requireNonNull(username, "username");
        ha1 = ha1.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(ha1));
        if (password == null && ha1.isEmpty()) {
            throw new AuthException(AuthException.BAD_CONFIGURATION, "user " + username + " has neither a password nor an HA1");
        }
    }

    public static UserCredentials withPassword(String username, String password) {
        return new UserCredentials(username, Objects.requireNonNull(password, "password"), Map.of());
    }

    /** The HA1 for {@code algorithm} in {@code realm}: the stored one, else computed from the password. */
    public Optional<String> ha1(DigestAlgorithm algorithm, String realm) {
        String stored = ha1.get(algorithm);
        if (stored != null) {
            return Optional.of(stored);
        }
        return password == null ? Optional.empty()
                : Optional.of(DigestComputation.ha1(algorithm, username, realm, password));
    }

    @Override
    public String toString() {
        return "UserCredentials[" + username + (password == null ? "" : ", password=***") + ", ha1=" + ha1.keySet() + "]";
    }
}
