package io.voxplane.stack.auth;

/**
 * A typed authentication error with a searchable code. The authenticator turns these into the
 * RFC's response (400) instead of letting them escape; configuration errors are thrown to the
 * caller that builds the configuration.
 */
public final class AuthException extends RuntimeException {

    /** Credentials use a scheme other than Digest. */
    public static final String NOT_DIGEST = "VXAUTH-001";
    /** A parameter that {@code qop=auth} requires is missing (RFC 7616 s3.4): answered with 400. */
    public static final String MISSING_PARAMETER = "VXAUTH-002";
    /** The authenticator or credential store configuration is invalid. */
    public static final String BAD_CONFIGURATION = "VXAUTH-003";

    private final String code;

    public AuthException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The searchable code, e.g. {@code VXAUTH-002}. */
    public String code() {
        return code;
    }
}
