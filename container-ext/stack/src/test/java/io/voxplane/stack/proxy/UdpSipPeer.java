package io.voxplane.stack.proxy;

import io.voxplane.sip.Address;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A SIP user agent in a test, as bare as can be: one UDP socket on 127.0.0.1 (free port) that
 * sends messages to the proxy and reads whole messages, skipping those the test does not wait
 * for (100 Trying, retransmissions). Every read is bounded by {@link #RECEIVE_TIMEOUT_MILLIS}.
 */
final class UdpSipPeer implements AutoCloseable {

    /** How long a read waits for the message the test expects. */
    static final int RECEIVE_TIMEOUT_MILLIS = 10_000;

    private final DatagramSocket socket;
    private final InetSocketAddress proxy;
    private final SipParser parser = SipParser.withDefaults();
    private final List<SipMessage> skipped = new ArrayList<>();

    UdpSipPeer(InetSocketAddress proxy) {
        this.proxy = proxy;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** {@code <sip:user@127.0.0.1:port>}: this peer's Contact, or a Record-Route entry naming it. */
    Address address(String user, String parameters) {
        return ProxyHarness.address("<sip:" + (user == null ? "" : user + "@") + "127.0.0.1:" + port()
                + (parameters == null ? "" : parameters) + ">");
    }

    void send(SipMessage message) {
        byte[] bytes = message.toBytes();
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, proxy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next request of {@code method}. */
    SipRequest request(String method) {
        return (SipRequest) receive(m -> m instanceof SipRequest r && r.method().equals(method), method);
    }

    /** The next response with {@code status} to a request of {@code method}. */
    SipResponse response(int status, String method) {
        return (SipResponse) receive(m -> m instanceof SipResponse r && r.status() == status
                && r.cseq().method().equals(method), status + " to " + method);
    }

    /** Answers {@code request} 200 as a UAS would (no To tag added: in-dialog requests have one). */
    void ok(SipRequest request) {
        send(SipResponse.replyTo(request, 200).build());
    }

    private SipMessage receive(Predicate<SipMessage> wanted, String what) {
        byte[] buffer = new byte[65_535];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no " + what + " on port " + port() + " in time; skipped " + skipped, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SipMessage message;
            try {
                message = parser.parse(packet.getData(), 0, packet.getLength());
            } catch (SipParseException e) {
                throw new AssertionError("unparsable datagram on port " + port(), e);
            }
            if (wanted.test(message)) {
                return message;
            }
            skipped.add(message);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
