package io.voxplane.stack.proxy;

/**
 * A proxy or B2BUA core error with a stable, searchable code.
 */
public class ProxyException extends RuntimeException {

    /** The router gave no target, or a target could not be resolved to a next hop. */
    public static final String NO_TARGET = "VXPRX-001";
    /** A call on a response context or B2BUA call in a state that does not allow it. */
    public static final String WRONG_STATE = "VXPRX-002";
    /** The proxied-dialog table was full: idle dialogs were dropped to make room ({@link ProxiedDialogs}). */
    public static final String DIALOGS_FULL = "VXPRX-003";
    /** A proxy task failed unexpectedly (a bug): logged, the context carries on. */
    public static final String INTERNAL = "VXPRX-900";

    private final String code;

    public ProxyException(String code, String message) {
        super(code + " " + message);
        this.code = code;
    }

    public ProxyException(String code, String message, Throwable cause) {
        super(code + " " + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
