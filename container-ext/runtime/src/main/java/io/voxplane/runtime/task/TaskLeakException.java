package io.voxplane.runtime.task;

import java.util.List;

/**
 * Thrown by {@link TaskTrackers#assertNoLeaks} when a tracked task or a Voxplane thread outlived
 * its plane. The message starts with {@value #CODE} and names every leak.
 */
public final class TaskLeakException extends IllegalStateException {

    /** Code of a task or thread alive after the planes stopped. */
    public static final String CODE = "VXRT-104";

    private final transient List<String> leaks;

    public TaskLeakException(List<String> leaks) {
        super(CODE + " work left after the planes stopped: " + leaks);
        this.leaks = List.copyOf(leaks);
    }

    /** What is still alive: {@code task <tracker>/<name>} or {@code thread <name>}. */
    public List<String> leaks() {
        return leaks;
    }
}
