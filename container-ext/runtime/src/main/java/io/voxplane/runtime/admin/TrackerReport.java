package io.voxplane.runtime.admin;

import io.voxplane.runtime.task.TaskInfo;
import io.voxplane.runtime.task.TaskStatistics;
import java.util.List;

/**
 * One task tracker as {@code GET /voxplane/admin/tasks} shows it.
 *
 * @param tracker    the tracker's name (a plane, or {@code shared})
 * @param closed     whether it refuses new work (its plane stopped)
 * @param statistics its counters
 * @param tasks      its unfinished tasks
 * @param threads    the live threads it made
 */
public record TrackerReport(String tracker, boolean closed, TaskStatistics statistics, List<TaskInfo> tasks,
                            List<String> threads) {

    public TrackerReport {
        tasks = List.copyOf(tasks);
        threads = List.copyOf(threads);
    }
}
