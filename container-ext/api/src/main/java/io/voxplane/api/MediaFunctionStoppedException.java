package io.voxplane.api;

/**
 * A {@link MediaCall} function ended without its result: another function replaced it, the call
 * ended, or it could not run ({@link #failed()}, e.g. a prompt file that cannot be read).
 */
public final class MediaFunctionStoppedException extends RuntimeException {

    private final boolean failed;

    public MediaFunctionStoppedException(String message, boolean failed) {
        super(message);
        this.failed = failed;
    }

    /** True when the function could not run (see the message), false when it was stopped. */
    public boolean failed() {
        return failed;
    }
}
