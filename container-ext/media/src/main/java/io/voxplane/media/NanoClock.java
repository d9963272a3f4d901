package io.voxplane.media;

/**
 * A monotonic clock in nanoseconds, injected into everything in the media plane that measures
 * time (jitter, inactivity, latching, playout), so tests run on virtual time.
 */
@FunctionalInterface
public interface NanoClock {

    /** Monotonic nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** The JVM's {@link System#nanoTime()}. */
    static NanoClock system() {
        return System::nanoTime;
    }
}
