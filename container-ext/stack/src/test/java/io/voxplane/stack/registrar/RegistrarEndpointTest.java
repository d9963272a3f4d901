package io.voxplane.stack.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.timer.ManualTimerService;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transport.ListenPoint;
import io.voxplane.stack.transport.TransportConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The standalone registrar on a real UDP socket: answers, and its stop leaves no thread behind. */
class RegistrarEndpointTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void registersOverUdpAndStopEndsEveryThread() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ThreadFactory tracking = task -> {
            Thread t = Thread.ofPlatform().name("vx-reg-test-io-", threads.size()).daemon().unstarted(task);
            threads.add(t);
            return t;
        };
        ManualTimerService timers = new ManualTimerService();
        RegistrarTransactionUser user = new RegistrarTransactionUser(
                new Registrar(RegistrarConfig.defaults(), new InMemoryLocationStore(), RegisterRequests.clockOf(timers)),
                Optional.empty());
        RegistrarEndpoint endpoint = RegistrarEndpoint.start(
                ListenPoint.udp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                TransportConfig.builder().build(), TransactionConfig.defaults(), tracking, timers, user);
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(10_000);
            int port = client.getLocalPort();
            String register = "REGISTER sip:example.com SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-endpoint-1\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:carol@example.com>;tag=c1\r\nTo: <sip:carol@example.com>\r\n"
                    + "Call-ID: endpoint-1\r\nCSeq: 1 REGISTER\r\nContact: <sip:carol@127.0.0.1:" + port + ">\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = register.getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(bytes, bytes.length, endpoint.address()));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            client.receive(answer);
            SipResponse ok = (SipResponse) SipParser.withDefaults().parse(answer.getData(), 0, answer.getLength());
            assertEquals(200, ok.status());
            assertEquals(List.of("<sip:carol@127.0.0.1:" + port + ">;expires=3600"), ok.headerValues("Contact"));
        } finally {
            assertTrue(endpoint.stop(Duration.ofSeconds(10)), "transport stopped in time");
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(threads.stream().noneMatch(Thread::isAlive), "no event-loop thread outlives stop");
        assertEquals(1, user.registered());
    }
}
