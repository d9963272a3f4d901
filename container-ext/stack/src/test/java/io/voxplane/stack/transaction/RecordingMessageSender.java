package io.voxplane.stack.transaction;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportException;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Test double of the transport: records every message the transaction layer sends, completes
 * sends at once with a flow, and can be told to fail sends with a {@link TransportException} or
 * to report that a UDP target went over TCP.
 */
public final class RecordingMessageSender implements MessageSender {

    /** One recorded send: the message, and the target (requests) or flow (responses). */
    public record Sent(SipMessage message, Target target, Flow flow, long atNanos) {
        public SipRequest request() {
            return (SipRequest) message;
        }

        public SipResponse response() {
            return (SipResponse) message;
        }
    }

    public static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);

    private final List<Sent> sent = new ArrayList<>();
    private final LongSupplier clock;
    private boolean failing;
    private TransportType switchTo;

    /** Stamps each send with {@code clock} (e.g. a ManualTimerService's nanoTime). */
    public RecordingMessageSender(LongSupplier clock) {
        this.clock = clock;
    }

    public RecordingMessageSender() {
        this(() -> 0L);
    }

    @Override
    public synchronized CompletableFuture<Flow> sendRequest(SipRequest request, Target target) {
        sent.add(new Sent(request, target, null, clock.getAsLong()));
        if (failing) {
            return CompletableFuture.failedFuture(new TransportException("refused by test", null, null));
        }
        TransportType used = switchTo != null ? switchTo : target.transport();
        return CompletableFuture.completedFuture(new Flow(used, LOCAL, target.address(), used.reliable() ? 7 : 0));
    }

    @Override
    public synchronized CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow) {
        sent.add(new Sent(response, null, requestFlow, clock.getAsLong()));
        if (failing) {
            return CompletableFuture.failedFuture(new TransportException("connection closed by test", requestFlow, null));
        }
        return CompletableFuture.completedFuture(requestFlow);
    }

    /** From now on every send fails (true) or succeeds (false). */
    public synchronized void failSends(boolean value) {
        failing = value;
    }

    /** Reports every request as sent over {@code transport} (s18.1.1 switch to TCP for large requests). */
    public synchronized void reportTransport(TransportType transport) {
        switchTo = transport;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<SipRequest> requests() {
        return sent.stream().filter(s -> s.message() instanceof SipRequest).map(Sent::request).toList();
    }

    public synchronized List<SipResponse> responses() {
        return sent.stream().filter(s -> s.message() instanceof SipResponse).map(Sent::response).toList();
    }

    /** Requests with this method, in order. */
    public synchronized List<SipRequest> requests(String method) {
        return requests().stream().filter(r -> r.method().equals(method)).toList();
    }

    /** Responses with this status, in order. */
    public synchronized List<SipResponse> responses(int status) {
        return responses().stream().filter(r -> r.status() == status).toList();
    }

    /** When each request with this method was sent, in virtual milliseconds. */
    public synchronized List<Long> requestTimesMillis(String method) {
        return sent.stream().filter(s -> s.message() instanceof SipRequest r && r.method().equals(method))
                .map(s -> TimeUnit.NANOSECONDS.toMillis(s.atNanos())).toList();
    }

    /** When each response with this status was sent, in virtual milliseconds. */
    public synchronized List<Long> responseTimesMillis(int status) {
        return sent.stream().filter(s -> s.message() instanceof SipResponse r && r.status() == status)
                .map(s -> TimeUnit.NANOSECONDS.toMillis(s.atNanos())).toList();
    }

    public synchronized int count() {
        return sent.size();
    }

    public synchronized SipMessage last() {
        return sent.isEmpty() ? null : sent.get(sent.size() - 1).message();
    }

    public synchronized void clear() {
        sent.clear();
    }
}
