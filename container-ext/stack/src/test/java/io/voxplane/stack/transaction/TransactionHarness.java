package io.voxplane.stack.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.voxplane.stack.timer.ManualTimerService;
import java.time.Duration;

/** A transaction layer on a virtual clock with recording doubles around it. */
abstract class TransactionHarness {

    final ManualTimerService timers = new ManualTimerService();
    final RecordingMessageSender sender = new RecordingMessageSender(timers::nanoTime);
    final RecordingTransactionUser tu = new RecordingTransactionUser();
    final RecordingClientListener listener = new RecordingClientListener();
    TransactionLayer layer = new TransactionLayer(sender, timers, TransactionConfig.defaults(), tu);

    void advanceMillis(long millis) {
        timers.advance(Duration.ofMillis(millis));
    }

    /** Every transaction has ended: the table is empty and no timer is left behind. */
    void assertAllClear() {
        assertEquals(0, layer.transactionCount(), "transactions left in the table");
        assertEquals(0, timers.pendingCount(), "timers left pending");
    }
}
