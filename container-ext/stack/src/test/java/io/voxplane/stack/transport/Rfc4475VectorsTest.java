package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RFC 4475 torture messages sent to a live listener: every one is delivered, answered with
 * an error, or dropped, and the listener keeps serving after each. The vectors are read from the
 * sip module's test resources (the unchanged IETF bytes).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Rfc4475VectorsTest {

    private static final Path VECTORS = Path.of("..", "sip", "src", "test", "resources", "rfc4475");

    /** Invalid requests RFC 4475 says an element answers, with the status it names. */
    private static final Map<String, Integer> EXPECTED_ANSWERS = Map.of(
            "badvers.dat", 505,
            "ncl.dat", 400,
            "mcl01.dat", 400,
            "scalar02.dat", 400,
            "quotbal.dat", 400,
            "badinv01.dat", 400,
            "baddn.dat", 400,
            "badaspec.dat", 400,
            "insuf.dat", 400);

    /**
     * Requests whose own Via/From/To/Call-ID/CSeq is the broken part: answered with the parser's raw
     * error response, which copies the request's top Via line as received.
     */
    private static final Map<String, String> RAW_ANSWER_VIA = Map.of(
            "scalar02.dat", "Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3",
            "quotbal.dat", "Via: SIP/2.0/UDP 192.0.2.59:5050;branch=z9hG4bKkdjuw39234",
            "badinv01.dat", "Via: SIP/2.0/UDP 192.0.2.15;;,;,,",
            "baddn.dat", "Via:     SIP/2.0/UDP c.example.com:5060;branch=z9hG4bKkdjuw",
            "badaspec.dat", "Via: SIP/2.0/UDP host4.example.com:5060;branch=z9hG4bKkdju43234",
            "insuf.dat", "Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf");

    /** Responses: a server transport never answers them (s3.1.2.5, s3.1.2.19 discard them). */
    private static final List<String> RESPONSES = List.of("scalarlg.dat", "bigcode.dat", "unreason.dat", "noreason.dat",
            "bcast.dat");

    private final DeliveryQueue delivered = new DeliveryQueue();
    private SipTransportLayer layer;

    @BeforeEach
    void start() {
        layer = new SipTransportLayer(TransportConfig.builder()
                .listen(ListenPoint.udp(new InetSocketAddress(Loopback.ipv4(), 0)),
                        ListenPoint.tcp(new InetSocketAddress(Loopback.ipv4(), 0)))
                .eventLoopThreads(1)
                .build(), new TrackingThreadFactory(), delivered);
        layer.start();
    }

    @AfterEach
    void stop() {
        assertTrue(layer.stop(Duration.ofSeconds(10)));
    }

    private enum Outcome { DELIVERED, ANSWERED, DROPPED }

    @Test
    void everyVectorOverUdpIsDeliveredAnsweredOrDroppedAndTheListenerKeepsServing() throws Exception {
        InetSocketAddress udp = layer.boundListenPoints().get(0).address();
        List<String> report = new ArrayList<>();
        try (UdpTestPeer peer = new UdpTestPeer(Loopback.ipv4(), udp)) {
            int probe = 0;
            for (Path vector : vectors()) {
                String name = vector.getFileName().toString();
                TransportStatistics before = layer.statistics();

                peer.send(Files.readAllBytes(vector));
                String probeId = "probe-" + (++probe);
                peer.send(SipTexts.bytes(SipTexts.options("UDP", "client.test", "", probeId)));
                int vectorDeliveries = 0;
                while (!probeId.equals(delivered.next().message().callId())) {
                    vectorDeliveries++;
                }

                TransportStatistics after = layer.statistics();
                long answered = after.answeredWithError() - before.answeredWithError();
                long dropped = after.dropped() - before.dropped();
                assertEquals(1, vectorDeliveries + answered + dropped, name + " must have exactly one outcome");
                Outcome outcome = vectorDeliveries == 1 ? Outcome.DELIVERED : answered == 1 ? Outcome.ANSWERED : Outcome.DROPPED;
                String answer = "";
                if (outcome == Outcome.ANSWERED) {
                    answer = peer.receive();
                    int status = Integer.parseInt(answer.substring(8, 11));
                    assertTrue(status >= 400, name + " answered with " + answer);
                    assertTrue(answer.startsWith("SIP/2.0 " + status + " "), name + " answer has a reason phrase");
                    String via = RAW_ANSWER_VIA.get(name);
                    if (via != null) {
                        assertTrue(answer.contains("\r\n" + via + "\r\n"), name + " copies its Via: " + answer);
                        assertTrue(answer.endsWith("\r\nContent-Length: 0\r\n\r\n"), name + " ends: " + answer);
                    }
                    answer = answer.substring(0, answer.indexOf("\r\n"));
                }
                report.add(name + " -> " + outcome + " " + answer);

                if (RESPONSES.contains(name) && outcome == Outcome.ANSWERED) {
                    fail(name + " is a response and must never be answered");
                }
                Integer expected = EXPECTED_ANSWERS.get(name);
                if (expected != null) {
                    assertEquals(Outcome.ANSWERED, outcome, name + ": " + report);
                    assertTrue(answer.startsWith("SIP/2.0 " + expected + " "), name + " answered " + answer);
                }
            }
            peer.send(SipTexts.bytes(SipTexts.options("UDP", "client.test", "", "still-alive")));
            assertEquals("still-alive", delivered.next().message().callId());
        }
        System.out.println("RFC 4475 over UDP:\n  " + String.join("\n  ", report));
    }

    @Test
    void streamFramingErrorsAreAnsweredThenTheConnectionIsClosed() throws Exception {
        InetSocketAddress tcp = layer.boundListenPoints().get(1).address();
        for (String name : List.of("ncl.dat", "mcl01.dat")) {
            try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
                peer.send(Files.readAllBytes(VECTORS.resolve(name)));

                String answer = peer.receive();
                assertTrue(answer.startsWith("SIP/2.0 400 "), name + " answered " + answer);
                assertTrue(peer.closedByServer(), name + ": the connection must be closed");
            }
        }
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            peer.send(SipTexts.bytes(SipTexts.options("TCP", "client.test", "", "tcp-alive")));
            assertEquals("tcp-alive", delivered.next().message().callId());
        }
    }

    @Test
    void brokenCoreHeaderOverTcpIsAnsweredOnTheSameConnectionWhichKeepsServing() throws Exception {
        InetSocketAddress tcp = layer.boundListenPoints().get(1).address();
        try (TcpTestPeer peer = TcpTestPeer.connect(Loopback.ipv4(), tcp)) {
            TransportStatistics before = layer.statistics();
            peer.send(Files.readAllBytes(VECTORS.resolve("badaspec.dat")));

            String answer = peer.receive();
            assertTrue(answer.startsWith("SIP/2.0 400 "), answer);
            assertTrue(answer.contains("\r\n" + RAW_ANSWER_VIA.get("badaspec.dat") + "\r\n"), answer);
            assertTrue(answer.endsWith("\r\nContent-Length: 0\r\n\r\n"), answer);
            assertEquals(1, layer.statistics().answeredWithError() - before.answeredWithError());

            peer.send(SipTexts.bytes(SipTexts.options("TCP", "client.test", "", "tcp-after-raw-400")));
            assertEquals("tcp-after-raw-400", delivered.next().message().callId());
        }
    }

    private static List<Path> vectors() throws IOException {
        try (Stream<Path> files = Files.list(VECTORS)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".dat")).sorted().toList();
            assertEquals(49, all.size(), "RFC 4475 has 49 messages in " + VECTORS.toAbsolutePath());
            return all;
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
