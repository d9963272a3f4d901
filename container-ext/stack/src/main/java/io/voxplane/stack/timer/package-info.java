/**
 * Injected time for SIP timers: {@link io.voxplane.stack.timer.TimerService} with a production
 * implementation over a caller-owned scheduler ({@link io.voxplane.stack.timer.ScheduledTimerService})
 * and a deterministic virtual clock for tests and the testkit
 * ({@link io.voxplane.stack.timer.ManualTimerService}). Nothing here creates threads.
 */
package io.voxplane.stack.timer;
