package io.voxplane.stack.transport;

/** A message could not be written (connect refused, connection closed, no route, too large). */
public class TransportException extends RuntimeException {
    private final Flow flow;
    private final TransportErrorCode errorCode;

    public TransportException(String message, Flow flow, Throwable cause) {
        this(null, message, flow, cause);
    }

    /**
     * @param errorCode what went wrong; the message is prefixed with its code
     * @param message   what was being done, naming the peer
     */
    public TransportException(TransportErrorCode errorCode, String message, Flow flow, Throwable cause) {
        super(errorCode == null ? message : errorCode.format(message), cause);
        this.flow = flow;
        this.errorCode = errorCode;
    }

    /** The flow involved, or null when none was established. */
    public Flow flow() {
        return flow;
    }

    /** What went wrong, or null when the thrower gave no code. */
    public TransportErrorCode errorCode() {
        return errorCode;
    }
}
