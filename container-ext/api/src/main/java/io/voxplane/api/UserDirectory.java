package io.voxplane.api;

import java.util.Optional;

/**
 * Who may authenticate: an app provides one CDI bean of this type (from its configuration, a
 * database ...) and the container's {@link Authentication} checks digest credentials against it.
 * Without such a bean nobody is known and every credential is refused. Called on signaling
 * threads: must be thread-safe and fast (cache remote lookups).
 */
public interface UserDirectory {

    /** The password of {@code username}, if the user exists. */
    Optional<String> password(String username);

    /** True when {@code username} exists. */
    default boolean exists(String username) {
        return password(username).isPresent();
    }
}
