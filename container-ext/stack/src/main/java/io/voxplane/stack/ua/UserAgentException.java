package io.voxplane.stack.ua;

/** A user agent operation could not be done. Carries a stable searchable {@link #errorCode()}. */
public class UserAgentException extends RuntimeException {

    /** A URI could not be turned into a transport target. */
    public static final String UNRESOLVABLE = "VXUA-001";
    /** The call is not in a state that allows the operation. */
    public static final String WRONG_STATE = "VXUA-002";

    private final String errorCode;

    public UserAgentException(String errorCode, String message) {
        super(errorCode + " " + message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
