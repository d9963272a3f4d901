package io.voxplane.stack.transport;

import io.voxplane.sip.SipMessage;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The handler a {@link SipTransportLayer} is built with when the layer that consumes its messages
 * can only be built afterwards: that layer sends through the transport, and learns its Via
 * sent-by and Contact from the address the transport bound (port 0 picks one). Build the
 * transport with this, start it, build the consumer, then {@link #bind} it once.
 *
 * <p>A message that arrives in the instant between start and bind has no one to answer it: it
 * is dropped and counted ({@link #droppedBeforeBind()}).
 */
public final class LateBoundHandler implements InboundMessageHandler {

    private volatile InboundMessageHandler target;
    private final LongAdder droppedBeforeBind = new LongAdder();

    /**
     * Sets the handler every later message goes to.
     *
     * @throws IllegalStateException when a handler is already bound
     */
    public synchronized void bind(InboundMessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (target != null) {
            throw new IllegalStateException("a handler is already bound");
        }
        target = handler;
    }

    /** Messages that arrived before {@link #bind}. */
    public long droppedBeforeBind() {
        return droppedBeforeBind.sum();
    }

    @Override
    public void onMessage(SipMessage message, Flow flow) {
        InboundMessageHandler handler = target;
        if (handler == null) {
            droppedBeforeBind.increment();
        } else {
            handler.onMessage(message, flow);
        }
    }
}
