package io.voxplane.stack.ua;

/** A user agent operation could not be done. Carries a stable searchable {@link #errorCode()}. */
public class UserAgentException extends RuntimeException {

    /** A URI could not be turned into a transport target. */
    public static final String UNRESOLVABLE = "VXUA-001";
    /** The call is not in a state that allows the operation. */
    public static final String WRONG_STATE = "VXUA-002";
    /**
     * A DNS lookup needed to resolve a URI failed: the server timed out, refused or answered
     * SERVFAIL (RFC 3263 resolution, {@code io.voxplane.stack.dns}). The message names the host.
     */
    public static final String DNS_FAILURE = "VXUA-020";
    /** The URI asks for a transport Voxplane does not have: {@code sips:} or {@code transport=tls} (no TLS). */
    public static final String UNSUPPORTED_TRANSPORT = "VXUA-021";

    private final String errorCode;

    public UserAgentException(String errorCode, String message) {
        super(errorCode + " " + message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
