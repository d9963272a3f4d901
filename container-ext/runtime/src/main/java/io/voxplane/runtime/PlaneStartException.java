package io.voxplane.runtime;

/**
 * A plane could not start (code {@code VXRT-001}): a listen port taken, a resource missing. Thrown
 * from the startup observer so that the deployment fails instead of running half a node.
 */
public final class PlaneStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Searchable code of this error. */
    public static final String CODE = "VXRT-001";

    private final Plane plane;

    public PlaneStartException(Plane plane, String message, Throwable cause) {
        super(CODE + " " + plane.label() + " plane failed to start: " + message, cause);
        this.plane = plane;
    }

    public Plane plane() {
        return plane;
    }
}
