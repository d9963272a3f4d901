package io.voxplane.stack.registrar;

/**
 * A REGISTER the registrar refuses, with the SIP status to answer and a searchable code. Thrown
 * out of a {@link RegistrationUpdate} it aborts the update without changing the store.
 */
public final class RegistrarException extends RuntimeException {

    /** The To header is not a SIP or SIPS URI (RFC 3261 s10.2, RFC 4475 s3.3.15): 400. */
    public static final String NOT_SIP_AOR = "VXREG-001";
    /** {@code Contact: *} with other contacts or an Expires other than 0 (s10.3 step 6): 400. */
    public static final String BAD_WILDCARD = "VXREG-002";
    /** An expiry shorter than the minimum (s10.3 step 7): 423 with Min-Expires. */
    public static final String INTERVAL_TOO_BRIEF = "VXREG-003";
    /** Same Call-ID with a CSeq not higher than the stored one (s10.3 steps 6 and 7): 500. */
    public static final String OUT_OF_ORDER = "VXREG-004";
    /** More bindings than the per-AOR limit: 403. */
    public static final String TOO_MANY_BINDINGS = "VXREG-005";
    /** The Request-URI names a domain this registrar does not serve (s10.3 step 1): 404. */
    public static final String FOREIGN_DOMAIN = "VXREG-006";
    /** The REGISTER requires an extension this registrar does not support (s10.3 step 2, s8.2.2.3): 420. */
    public static final String BAD_EXTENSION = "VXREG-007";
    /** The authenticated user may not change this AOR (s10.3 step 3): 403. */
    public static final String NOT_AUTHORIZED = "VXREG-008";

    /** A Contact {@code q} param that is not an RFC 3261 s20.10 qvalue: 400. */
    public static final String BAD_Q = "VXREG-009";

    private final String code;
    private final int status;

    public RegistrarException(String code, int status, String message) {
        super(code + ": " + message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    /** The SIP status to answer with. */
    public int status() {
        return status;
    }
}
