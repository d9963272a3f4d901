package io.voxplane.runtime.task;

/**
 * One unfinished task of a {@link TaskTracker}, as the admin endpoint and the leak check show it.
 *
 * @param tracker  the tracker's name (a plane, or {@code shared})
 * @param name     the task's name
 * @param priority when it is cancelled at shutdown
 * @param periodic whether it repeats
 * @param running  whether a thread is inside it now (false: queued or scheduled)
 */
public record TaskInfo(String tracker, String name, TaskPriority priority, boolean periodic, boolean running) {

    @Override
    public String toString() {
        return tracker + "/" + name + "(" + priority + (periodic ? ", periodic" : "") + (running ? ", running" : "")
                + ")";
    }
}
