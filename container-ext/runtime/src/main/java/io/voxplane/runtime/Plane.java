package io.voxplane.runtime;

/**
 * The three planes of a Voxplane node (see docs/architecture.md): transport owns SIP sockets,
 * signaling owns transactions, dialogs and app dispatch, media owns RTP. Planes talk only through
 * bus events; which planes run on a node is configuration.
 */
public enum Plane {
    TRANSPORT,
    SIGNALING,
    MEDIA;

    /** Lower-case name used in thread names, health check names and logs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
