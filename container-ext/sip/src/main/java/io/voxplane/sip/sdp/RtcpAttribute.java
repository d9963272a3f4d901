package io.voxplane.sip.sdp;

import java.util.Optional;

/**
 * The {@code a=rtcp} attribute (RFC 3605 s2.1): {@code port [nettype addrtype address]}, the RTCP
 * port when it is not the RTP port plus one (for example behind a NAT).
 */
public record RtcpAttribute(int port, Optional<Connection> address) {

    /** Reads {@code 53020} or {@code 53020 IN IP4 126.16.64.4}; empty when malformed. */
    public static Optional<RtcpAttribute> parse(String value) {
        String[] parts = value.strip().split("\\s+");
        int port = SdpNumbers.parseInt(parts[0], 0, parts[0].length(), 65535);
        if (port < 0 || (parts.length != 1 && parts.length != 4)) {
            return Optional.empty();
        }
        Optional<Connection> c = parts.length == 4 ? Optional.of(new Connection(parts[1], parts[2], parts[3]))
                : Optional.empty();
        return Optional.of(new RtcpAttribute(port, c));
    }
}
