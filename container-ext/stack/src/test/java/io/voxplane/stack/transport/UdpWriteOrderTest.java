package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes issued in sequence on one flow leave in that order, even when the later one is issued on
 * the channel's event loop and the earlier one from another thread (a timer's 100 Trying queued
 * while the loop was busy, then the TU's 180 sent from the loop).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpWriteOrderTest {

    @Test
    void aResponseSentOnTheEventLoopDoesNotOvertakeOneQueuedFromAnotherThread() throws Exception {
        CountDownLatch onLoop = new CountDownLatch(1);
        CountDownLatch earlierIssued = new CountDownLatch(1);
        CompletableFuture<SipRequest> received = new CompletableFuture<>();
        SipTransportLayer[] layerRef = new SipTransportLayer[1];
        InboundMessageHandler tu = (SipMessage message, Flow flow) -> {
            SipRequest request = (SipRequest) message;
            received.complete(request);
            onLoop.countDown();
            try {
                assertTrue(earlierIssued.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            layerRef[0].sendResponse(SipResponse.replyTo(request, 180).build(), flow);
        };
        TransportConfig config = TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .eventLoopThreads(1)
                .build();
        SipTransportLayer layer = new SipTransportLayer(config, new TrackingThreadFactory(), tu);
        layerRef[0] = layer;
        layer.start();
        InetSocketAddress udp = layer.boundListenPoints().get(0).address();
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            peer.send(SipTexts.bytes(SipTexts.options("UDP", Loopback.sentBy(peer.localAddress()), "", "order-1")));
            assertTrue(onLoop.await(10, TimeUnit.SECONDS), "request not delivered");
            SipRequest request = received.get(10, TimeUnit.SECONDS);
            Flow flow = new Flow(TransportType.UDP, udp, peer.localAddress(), 0);

            // issued from this thread while the loop is busy in the handler: queued behind it
            layer.sendResponse(SipResponse.replyTo(request, 100).build(), flow);
            earlierIssued.countDown();

            assertTrue(peer.receive().startsWith("SIP/2.0 100"), "the earlier response must leave first");
            assertTrue(peer.receive().startsWith("SIP/2.0 180"));
        } finally {
            assertTrue(layer.stop(Duration.ofSeconds(10)));
        }
    }
}
