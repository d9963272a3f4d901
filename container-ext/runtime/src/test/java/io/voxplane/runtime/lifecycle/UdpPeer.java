package io.voxplane.runtime.lifecycle;

import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipResponse;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A SIP peer over UDP on loopback for the shutdown tests: sends requests by method, reads responses. */
final class UdpPeer implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    UdpPeer(InetSocketAddress server) throws SocketException {
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(10_000);
    }

    /** Sends {@code method} with a fresh branch; in a dialog ({@code toTag} set) or out of one. */
    void send(String method, String callId, String toTag) throws Exception {
        String text = method + " sip:service@127.0.0.1:" + server.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + callId + "-" + method
                + "\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a-" + callId + "\r\n"
                + "To: <sip:service@127.0.0.1>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:alice@127.0.0.1:" + socket.getLocalPort() + ">\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** The next final response, skipping provisional ones. */
    SipResponse receiveFinal() throws Exception {
        while (true) {
            DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
            socket.receive(reply);
            SipResponse response = (SipResponse) SipParser.withDefaults().parse(reply.getData(), 0,
                    reply.getLength());
            if (response.status() >= 200) {
                return response;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
