package io.voxplane.stack.transport;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import java.util.concurrent.CompletableFuture;

/**
 * What the transaction layer needs from the transport layer (RFC 3261 s18).
 *
 * <p>Both methods return at once; the future completes with the flow the message was written on,
 * or exceptionally with a {@link TransportException} (a transport error in the sense of RFC 3261
 * s17.1.4 and s17.2.4). Implementations are thread-safe.
 */
public interface MessageSender {

    /**
     * Sends a request to a target. The transport may switch an unreliable target to TCP when the
     * request is too large for UDP (s18.1.1); the returned flow tells which transport was used.
     */
    CompletableFuture<Flow> sendRequest(SipRequest request, Target target);

    /**
     * Sends a response back towards the top Via (s18.2.2, RFC 3581): on the request's connection
     * for stream transports, else to {@code received}/{@code rport} or the sent-by of the Via.
     */
    CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow);

    /**
     * Sends a response that was serialized once ({@link SipResponse#toBytes()}) and is kept as
     * bytes for retransmission (s17.2.1, s17.2.2), to the same destination as
     * {@link #sendResponse}: {@code topVia} is the response's top Via. The caller must not change
     * {@code wire} afterwards.
     *
     * <p>The default parses the bytes back and calls {@link #sendResponse}; a transport overrides
     * it to write the bytes as they are.
     */
    default CompletableFuture<Flow> sendSerializedResponse(byte[] wire, Via topVia, Flow requestFlow) {
        SipMessage parsed;
        try {
            parsed = SipParser.withDefaults().parse(wire);
        } catch (SipParseException malformed) {
            return CompletableFuture.failedFuture(new TransportException(
                    "serialized response does not parse: " + malformed.getMessage(), requestFlow, malformed));
        }
        if (!(parsed instanceof SipResponse response)) {
            return CompletableFuture.failedFuture(new TransportException(
                    "serialized message is not a response", requestFlow, null));
        }
        return sendResponse(response, requestFlow);
    }
}
