package io.voxplane.stack.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters behind {@link TransportStatistics}: cheap to bump from any event loop thread.
 */
final class TransportCounters {
    final LongAdder messagesReceived = new LongAdder();
    final LongAdder messagesSent = new LongAdder();
    final LongAdder parseErrors = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder answeredWithError = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder connectionsClosed = new LongAdder();
    final LongAdder connectionsRejected = new LongAdder();
    final LongAdder switchedToTcp = new LongAdder();

    TransportStatistics snapshot() {
        return new TransportStatistics(
                messagesReceived.sum(),
                messagesSent.sum(),
                parseErrors.sum(),
                dropped.sum(),
                answeredWithError.sum(),
                sendFailures.sum(),
                connectionsOpened.sum(),
                connectionsClosed.sum(),
                connectionsRejected.sum(),
                switchedToTcp.sum());
    }
}
