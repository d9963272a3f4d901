package io.voxplane.stack.transport;

import java.util.Locale;
import java.util.Optional;

/**
 * The SIP transports Voxplane speaks, with the token each has in a Via header (RFC 3261 s20.42).
 */
public enum TransportType {
    UDP(false),
    TCP(true);

    private final boolean reliable;

    TransportType(boolean reliable) {
        this.reliable = reliable;
    }

    /** True for stream transports: no retransmission timers (RFC 3261 s17.1.1.2, s17.1.2.2). */
    public boolean reliable() {
        return reliable;
    }

    /** The Via transport token, e.g. {@code UDP}. */
    public String viaToken() {
        return name();
    }

    /** The transport named by a Via token or a {@code transport=} URI parameter, if Voxplane has it. */
    public static Optional<TransportType> fromToken(String token) {
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "UDP" -> Optional.of(UDP);
            case "TCP" -> Optional.of(TCP);
            default -> Optional.empty();
        };
    }
}
