package io.voxplane.api;

import java.util.Optional;

/**
 * The container's digest authentication (RFC 3261 s22, RFC 8760 SHA-256 and MD5), injected into
 * apps. Realm and nonce secret are container configuration ({@code voxplane.auth.realm},
 * {@code voxplane.auth.secret}); users come from the app's {@link UserDirectory}.
 *
 * <p>Use: {@code Optional<String> user = authentication.authenticate(request); if (user.isEmpty()) return;}
 */
public interface Authentication {

    /**
     * Checks the request's credentials. When they are valid returns the username and leaves the
     * request to the caller. Otherwise answers the request itself (401 with WWW-Authenticate for
     * REGISTER, 407 with Proxy-Authenticate for other methods, 403 for a wrong password, 400 for
     * malformed credentials) and returns empty: the caller must not answer it again.
     */
    Optional<String> authenticate(SipRequest request);
}
