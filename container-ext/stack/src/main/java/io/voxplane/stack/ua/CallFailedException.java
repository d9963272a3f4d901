package io.voxplane.stack.ua;

import io.voxplane.sip.SipResponse;

/**
 * An outgoing call was not answered: a non-2xx final response, a timeout (408) or a transport
 * error (503).
 */
public class CallFailedException extends RuntimeException {

    /** Rejected by a final response. */
    public static final String REJECTED = "VXUA-010";
    /** The INVITE transaction was ended without a final response (the UA shut down). */
    public static final String ABORTED = "VXUA-011";

    private final int status;
    private final String errorCode;
    private final transient SipResponse response;

    public CallFailedException(int status, String errorCode, String message, SipResponse response) {
        super(errorCode + " " + message);
        this.status = status;
        this.errorCode = errorCode;
        this.response = response;
    }

    /** The final status, real or implied (408 timeout, 503 transport error). */
    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The rejecting response, or null for timeouts and transport errors. */
    public SipResponse response() {
        return response;
    }
}
