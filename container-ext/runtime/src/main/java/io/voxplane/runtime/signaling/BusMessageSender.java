package io.voxplane.runtime.signaling;

import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.events.SendFailed;
import io.voxplane.runtime.events.SendSipRequest;
import io.voxplane.runtime.events.SendSipResponse;
import io.voxplane.runtime.events.SipSent;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transaction layer's {@link MessageSender} in the signaling plane: each send becomes a
 * {@link SendSipRequest} or {@link SendSipResponse} event for the transport plane, and its future
 * completes when the matching {@link SipSent} or {@link SendFailed} comes back. A send the bus
 * refuses fails at once with a {@link TransportException} ({@value #BUS_REFUSED}), which the
 * transaction layer treats as a transport error (RFC 3261 s17.1.4, s17.2.4).
 *
 * <p>Pending sends are bounded by the transactions that make them; {@link #failAll(String)}
 * fails what is left when the plane stops.
 */
final class BusMessageSender implements MessageSender {

    /** Code of a send the bus would not take (transport saturated or stopped). */
    static final String BUS_REFUSED = "VXRT-201";

    /** Code of a send still pending when the signaling plane stopped. */
    static final String STOPPED = "VXRT-202";

    private final Bus bus;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<Long, CompletableFuture<Flow>> pending = new ConcurrentHashMap<>();

    BusMessageSender(Bus bus) {
        this.bus = bus;
    }

    @Override
    public CompletableFuture<Flow> sendRequest(SipRequest request, Target target) {
        long id = ids.incrementAndGet();
        return publish(id, new SendSipRequest(id, request, target));
    }

    @Override
    public CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow) {
        long id = ids.incrementAndGet();
        return publish(id, new SendSipResponse(id, response, requestFlow));
    }

    /** Completes the send {@code sent} reports. */
    void onSent(SipSent sent) {
        CompletableFuture<Flow> future = pending.remove(sent.sendId());
        if (future != null) {
            future.complete(sent.flow());
        }
    }

    /** Fails the send {@code failed} reports. */
    void onFailed(SendFailed failed) {
        CompletableFuture<Flow> future = pending.remove(failed.sendId());
        if (future != null) {
            future.completeExceptionally(new TransportException(failed.code(), failed.reason(), null, null));
        }
    }

    /** Sends not yet reported by the transport plane. */
    int pendingCount() {
        return pending.size();
    }

    /** Fails every pending send (plane stopping). */
    void failAll(String reason) {
        for (Long id : List.copyOf(pending.keySet())) {
            CompletableFuture<Flow> future = pending.remove(id);
            if (future != null) {
                future.completeExceptionally(new TransportException(STOPPED + " " + reason, null, null));
            }
        }
    }

    private CompletableFuture<Flow> publish(long id, io.voxplane.runtime.bus.BusEvent event) {
        CompletableFuture<Flow> future = new CompletableFuture<>();
        pending.put(id, future);
        if (!bus.publish(event)) {
            pending.remove(id);
            future.completeExceptionally(new TransportException(BUS_REFUSED
                    + " the transport plane's bus queue refused the message", null, null));
        }
        return future;
    }
}
