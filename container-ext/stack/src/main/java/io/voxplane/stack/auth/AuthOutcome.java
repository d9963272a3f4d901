package io.voxplane.stack.auth;

import io.voxplane.sip.SipResponse;

/** The result of {@link DigestAuthenticator#authenticate}: who sent the request, or what to answer. */
public sealed interface AuthOutcome {

    /** The request needs no authentication (ACK, CANCEL, or a method the config leaves open). */
    record Exempt() implements AuthOutcome {
    }

    /** Valid credentials of {@code username}, verified with {@code algorithm}. */
    record Authenticated(String username, DigestAlgorithm algorithm) implements AuthOutcome {
    }

    /** Not authenticated: send {@code response} (401/407 challenge, 400 or 403) and stop. */
    record Rejected(AuthFailure reason, SipResponse response) implements AuthOutcome {
    }
}
