package io.voxplane.stack.transport;

/** A message could not be written (connect refused, connection closed, no route, too large). */
public class TransportException extends RuntimeException {
    private final Flow flow;

    public TransportException(String message, Flow flow, Throwable cause) {
        super(message, cause);
        this.flow = flow;
    }

    /** The flow involved, or null when none was established. */
    public Flow flow() {
        return flow;
    }
}
