package io.voxplane.stack.proxy;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Test double of the transport for proxy tests: records every message in send order, completes
 * sends at once, and fails every send to a target port listed with {@link #refuse(int)}.
 */
public final class InMemoryMessageSender implements MessageSender {

    /** One send: a request with its target, or a response with the flow it answers. */
    public record Sent(SipMessage message, Target target, Flow flow) {
        public SipRequest request() {
            return (SipRequest) message;
        }

        public SipResponse response() {
            return (SipResponse) message;
        }
    }

    public static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);

    private final List<Sent> sent = new ArrayList<>();
    private final Set<Integer> refused = new HashSet<>();

    @Override
    public synchronized CompletableFuture<Flow> sendRequest(SipRequest request, Target target) {
        sent.add(new Sent(request, target, null));
        if (refused.contains(target.address().getPort())) {
            return CompletableFuture.failedFuture(new TransportException("refused by test", null, null));
        }
        return CompletableFuture.completedFuture(new Flow(target.transport(), LOCAL, target.address(), 0));
    }

    @Override
    public synchronized CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow) {
        sent.add(new Sent(response, null, requestFlow));
        return CompletableFuture.completedFuture(requestFlow);
    }

    public synchronized void refuse(int port) {
        refused.add(port);
    }

    public synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    /** Requests of {@code method} sent downstream, in order. */
    public synchronized List<SipRequest> requests(String method) {
        return sent.stream().filter(s -> s.message() instanceof SipRequest r && r.method().equals(method))
                .map(Sent::request).toList();
    }

    /** Requests of {@code method} sent to a target port. */
    public synchronized List<SipRequest> requestsTo(String method, int port) {
        return sent.stream().filter(s -> s.message() instanceof SipRequest r && r.method().equals(method)
                        && s.target().address().getPort() == port)
                .map(Sent::request).toList();
    }

    /** Responses sent upstream, in order. */
    public synchronized List<SipResponse> responses() {
        return sent.stream().filter(s -> s.message() instanceof SipResponse).map(Sent::response).toList();
    }

    /** Status codes sent upstream, in order, without 100 Trying. */
    public synchronized List<Integer> statuses() {
        return responses().stream().map(SipResponse::status).filter(s -> s != 100).toList();
    }
}
