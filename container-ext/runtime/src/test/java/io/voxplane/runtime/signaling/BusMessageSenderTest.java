package io.voxplane.runtime.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.runtime.Plane;
import io.voxplane.runtime.bus.Bus;
import io.voxplane.runtime.bus.BusEvent;
import io.voxplane.runtime.bus.BusQueueStatistics;
import io.voxplane.runtime.events.SendFailed;
import io.voxplane.runtime.events.SendSipResponse;
import io.voxplane.runtime.events.SipSent;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.TransportErrorCode;
import io.voxplane.stack.transport.TransportException;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BusMessageSenderTest {

    /** Records what is published; refuses everything when {@code open} is false. */
    private static final class RecordingBus implements Bus {
        final List<BusEvent> published = new ArrayList<>();
        boolean open = true;

        @Override
        public boolean publish(BusEvent event) {
            if (open) {
                published.add(event);
            }
            return open;
        }

        @Override
        public BusQueueStatistics statistics(Plane plane) {
            return new BusQueueStatistics(plane.label(), 0, 1, published.size(), 0, 0, 0, 0);
        }
    }

    private static final Flow FLOW = new Flow(TransportType.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 5070), 0);

    private final RecordingBus bus = new RecordingBus();
    private final BusMessageSender sender = new BusMessageSender(bus);

    private static SipResponse ok() throws Exception {
        String text = "OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-sender-1\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: sender-1\r\n"
                + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        SipRequest request = (SipRequest) SipParser.withDefaults().parse(text.getBytes(StandardCharsets.US_ASCII));
        return SipResponse.replyTo(request, 200).build();
    }

    @Test
    void responseBecomesAnEventForTheTransportAndCompletesWhenSent() throws Exception {
        CompletableFuture<Flow> sent = sender.sendResponse(ok(), FLOW);
        SendSipResponse event = (SendSipResponse) bus.published.getFirst();
        assertEquals(Plane.TRANSPORT, event.affinity().target());
        assertFalse(sent.isDone());

        sender.onSent(new SipSent(event.sendId(), "sender-1", FLOW));
        assertEquals(FLOW, sent.getNow(null));
        assertEquals(0, sender.pendingCount());
    }

    @Test
    void transportFailureComesBackTypedWithItsCode() throws Exception {
        CompletableFuture<Flow> sent = sender.sendResponse(ok(), FLOW);
        long id = ((SendSipResponse) bus.published.getFirst()).sendId();

        sender.onFailed(new SendFailed(id, "sender-1", TransportErrorCode.WRITE_FAILED, "socket closed"));

        TransportException failure = assertInstanceOf(TransportException.class,
                assertInstanceOf(CompletionException.class, catchJoin(sent)).getCause());
        assertEquals(TransportErrorCode.WRITE_FAILED, failure.errorCode());
    }

    @Test
    void sendTheBusRefusesFailsAtOnce() throws Exception {
        bus.open = false;
        CompletableFuture<Flow> sent = sender.sendResponse(ok(), FLOW);
        assertTrue(sent.isCompletedExceptionally());
        assertTrue(catchJoin(sent).getMessage().contains(BusMessageSender.BUS_REFUSED));
        assertEquals(0, sender.pendingCount());
    }

    @Test
    void failAllFailsWhatIsPending() throws Exception {
        CompletableFuture<Flow> sent = sender.sendResponse(ok(), FLOW);
        sender.failAll("stopping");
        assertTrue(sent.isCompletedExceptionally());
        assertEquals(0, sender.pendingCount());
    }

    private static Throwable catchJoin(CompletableFuture<Flow> future) {
        try {
            future.join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e;
        }
    }
}
