package io.voxplane.runtime.bus;

/**
 * Counters of one bus queue at one moment.
 *
 * @param queue       the queue's name (a plane, or {@code broadcast})
 * @param inFlight    events published and not yet observed to the end
 * @param maxInFlight the bound of {@code inFlight}
 * @param published   events accepted since start
 * @param rejected    events refused because the queue was full or closed
 * @param completed   events whose observers all returned
 * @param failed      events an observer threw on
 * @param mailboxes   session keys with events waiting or running now
 */
public record BusQueueStatistics(String queue, int inFlight, int maxInFlight, long published, long rejected,
                                 long completed, long failed, int mailboxes) {
}
