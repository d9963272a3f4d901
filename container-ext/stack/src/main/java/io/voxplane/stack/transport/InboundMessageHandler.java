package io.voxplane.stack.transport;

import io.voxplane.sip.SipMessage;

/**
 * Receives every well-formed message the transport reads, after s18.2.1 processing (the top Via
 * of a request carries {@code received} and {@code rport} as the transport saw them). Called on a
 * transport thread: implementations must not block.
 */
@FunctionalInterface
public interface InboundMessageHandler {
    void onMessage(SipMessage message, Flow flow);
}
