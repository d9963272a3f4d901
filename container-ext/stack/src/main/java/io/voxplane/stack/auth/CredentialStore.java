package io.voxplane.stack.auth;

import java.util.Optional;

/**
 * Where the digest authenticator finds users' secrets (username to password or HA1). Lookups run
 * on transport threads for every authenticated request: implementations must be thread-safe and
 * must not block for long (a remote store should cache).
 */
public interface CredentialStore {

    /** The credentials of {@code username} (as sent in the {@code username} auth-param), if known. */
    Optional<UserCredentials> find(String username);
}
