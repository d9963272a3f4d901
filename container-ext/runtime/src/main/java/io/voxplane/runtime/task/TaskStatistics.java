package io.voxplane.runtime.task;

/**
 * Counters of a {@link TaskTracker} at one moment.
 *
 * @param submitted   tasks accepted since construction (one-shot, scheduled and periodic)
 * @param active      tasks queued, scheduled or running now
 * @param completed   tasks that ran to the end (a periodic task counts when it ends)
 * @param failed      tasks that threw, or that the executor rejected
 * @param cancelled   tasks cancelled before or while running
 * @param liveThreads threads made by the tracker's thread factories that are still alive
 */
public record TaskStatistics(long submitted, int active, long completed, long failed, long cancelled, int liveThreads) {
}
