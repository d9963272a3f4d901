package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LateBoundHandlerTest {

    private static final Flow FLOW = new Flow(TransportType.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 5070), 0);

    private static SipMessage options() throws Exception {
        return SipParser.withDefaults().parse(("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\nFrom: <sip:b@127.0.0.1>;tag=1\r\n"
                + "To: <sip:a@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void messagesBeforeBindAreCountedAndLaterOnesForwarded() throws Exception {
        LateBoundHandler handler = new LateBoundHandler();
        SipMessage message = options();
        handler.onMessage(message, FLOW);

        List<SipMessage> received = new ArrayList<>();
        handler.bind((m, f) -> received.add(m));
        handler.onMessage(message, FLOW);

        assertEquals(1, handler.droppedBeforeBind());
        assertEquals(1, received.size());
        assertSame(message, received.get(0));
    }

    @Test
    void bindsOnlyOnce() {
        LateBoundHandler handler = new LateBoundHandler();
        handler.bind((m, f) -> { });
        assertThrows(IllegalStateException.class, () -> handler.bind((m, f) -> { }));
    }

    @Test
    void uriHostBracketsIpv6AndKeepsIpv4() throws Exception {
        assertEquals("127.0.0.1", ListenPoint.udp(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5060)).uriHost());
        assertEquals("[0:0:0:0:0:0:0:1]", ListenPoint.tcp(new InetSocketAddress(InetAddress.getByName("::1"), 5060)).uriHost());
    }
}
