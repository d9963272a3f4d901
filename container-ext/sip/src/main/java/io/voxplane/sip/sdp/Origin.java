package io.voxplane.sip.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 4566 s5.2): {@code username sess-id sess-version nettype addrtype
 * unicast-address}. The session id and version are kept as the decimal strings written, since some
 * agents use 64-bit unsigned values; RFC 3264 s8 requires the version to grow by one whenever an
 * agent changes its SDP within a session.
 */
public record Origin(String username, String sessionId, String sessionVersion, String networkType,
                     String addressType, String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(sessionVersion, "sessionVersion");
        Objects.requireNonNull(networkType, "networkType");
        Objects.requireNonNull(addressType, "addressType");
        Objects.requireNonNull(address, "address");
    }

    /** A copy with another session version. */
    public Origin withSessionVersion(String version) {
        return new Origin(username, sessionId, version, networkType, addressType, address);
    }

    /** The line's value, without {@code o=}. */
    public String value() {
        return username + ' ' + sessionId + ' ' + sessionVersion + ' ' + networkType + ' ' + addressType + ' '
                + address;
    }
}
