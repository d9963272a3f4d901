package io.voxplane.runtime.bus;

import io.voxplane.runtime.Plane;

/** A test event of session {@code key} with its publish sequence number. */
record SessionEvent(String key, int sequence) implements BusEvent {

    @Override
    public Affinity affinity() {
        return new Affinity.SessionBound(Plane.SIGNALING, key);
    }
}
