package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.voxplane.sip.SipMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The test's {@link InboundMessageHandler}: queues what the transport delivers. */
final class DeliveryQueue implements InboundMessageHandler {

    /** One delivered message with its flow. */
    record Delivery(SipMessage message, Flow flow) {
    }

    /** How long a test waits for a message it expects. */
    static final long WAIT_SECONDS = 10;

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    @Override
    public void onMessage(SipMessage message, Flow flow) {
        deliveries.add(new Delivery(message, flow));
    }

    /** The next delivery; fails the test when none comes within {@link #WAIT_SECONDS}. */
    Delivery next() throws InterruptedException {
        Delivery delivery = deliveries.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(delivery, "no message delivered within " + WAIT_SECONDS + " s");
        return delivery;
    }

    /** The next delivery whose Call-ID is {@code callId}, skipping others. */
    Delivery next(String callId) throws InterruptedException {
        while (true) {
            Delivery delivery = next();
            if (callId.equals(delivery.message().callId())) {
                return delivery;
            }
        }
    }

    boolean isEmpty() {
        return deliveries.isEmpty();
    }
}
