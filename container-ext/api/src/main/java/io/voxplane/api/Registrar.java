package io.voxplane.api;

import java.util.List;

/**
 * The container's registrar and location service (RFC 3261 s10.3, s16.5), injected into apps.
 * Bindings live in the container's location store (in memory, or a Hazelcast map in a cluster).
 */
public interface Registrar {

    /**
     * Processes a REGISTER from {@code authenticatedUser} and answers it: 403 when the To
     * address-of-record's user is not that user, otherwise as s10.3 steps 5 to 8 say (200 with
     * the live bindings, 400, 423 ...).
     */
    void register(SipRequest request, String authenticatedUser);

    /**
     * The live contact URIs of address-of-record {@code aor} (a sip/sips URI, parameters
     * ignored), best first (q descending, newest first); empty when none or not a SIP URI.
     */
    List<String> lookup(String aor);
}
