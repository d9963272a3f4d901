package io.voxplane.stack.ua;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.InboundMessageHandler;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportException;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Test double of a network of user agents: each agent gets an in-memory {@link MessageSender}
 * bound to its address; sends are queued and delivered by {@link #deliverAll()}, so tests decide
 * when messages arrive. Messages can be dropped by a predicate (lost datagrams), and every
 * message put on the wire is logged.
 */
final class InMemoryNetwork {

    /** One message on the wire: what, from where, to where. */
    record Wire(SipMessage message, InetSocketAddress from, InetSocketAddress to) {
    }

    private final Map<InetSocketAddress, InboundMessageHandler> endpoints = new HashMap<>();
    private final Queue<Runnable> inFlight = new ArrayDeque<>();
    private final List<Wire> log = new ArrayList<>();
    private Predicate<SipMessage> lose = message -> false;

    void attach(InetSocketAddress address, InboundMessageHandler handler) {
        endpoints.put(address, handler);
    }

    /** From now on, messages matching {@code predicate} are lost on the wire (still logged as sent). */
    void lose(Predicate<SipMessage> predicate) {
        lose = predicate;
    }

    MessageSender senderFor(InetSocketAddress local) {
        return new MessageSender() {
            @Override
            public CompletableFuture<Flow> sendRequest(SipRequest request, Target target) {
                if (!endpoints.containsKey(target.address())) {
                    return CompletableFuture.failedFuture(new TransportException("no route to " + target.address(), null, null));
                }
                Flow atReceiver = new Flow(target.transport(), target.address(), local, 0);
                put(request, local, target.address(), atReceiver);
                return CompletableFuture.completedFuture(new Flow(target.transport(), local, target.address(), 0));
            }

            @Override
            public CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow) {
                Flow atReceiver = new Flow(requestFlow.transport(), requestFlow.remote(), requestFlow.local(), 0);
                put(response, local, requestFlow.remote(), atReceiver);
                return CompletableFuture.completedFuture(requestFlow);
            }
        };
    }

    /** Delivers a message as if {@code from} had sent it to {@code to}. */
    void inject(SipMessage message, InetSocketAddress from, InetSocketAddress to) {
        put(message, from, to, new Flow(TransportType.UDP, to, from, 0));
    }

    private synchronized void put(SipMessage message, InetSocketAddress from, InetSocketAddress to, Flow atReceiver) {
        log.add(new Wire(message, from, to));
        if (lose.test(message)) {
            return;
        }
        InboundMessageHandler handler = endpoints.get(to);
        if (handler != null) {
            inFlight.add(() -> handler.onMessage(message, atReceiver));
        }
    }

    /** Delivers queued messages, and those they cause, until the wire is quiet. */
    int deliverAll() {
        int delivered = 0;
        while (true) {
            Runnable next;
            synchronized (this) {
                next = inFlight.poll();
            }
            if (next == null) {
                return delivered;
            }
            next.run();
            if (++delivered > 10_000) {
                throw new AssertionError("message storm: more than 10,000 deliveries");
            }
        }
    }

    synchronized List<Wire> log() {
        return List.copyOf(log);
    }

    /** Requests of this method put on the wire, in order. */
    synchronized List<SipRequest> requests(String method) {
        return log.stream().map(Wire::message).filter(m -> m instanceof SipRequest r && r.method().equals(method))
                .map(m -> (SipRequest) m).toList();
    }

    /** Responses with this status to this method put on the wire, in order. */
    synchronized List<SipResponse> responses(int status, String method) {
        return log.stream().map(Wire::message)
                .filter(m -> m instanceof SipResponse r && r.status() == status && r.cseq().method().equals(method))
                .map(m -> (SipResponse) m).toList();
    }
}
