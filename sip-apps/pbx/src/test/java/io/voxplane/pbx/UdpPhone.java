package io.voxplane.pbx;

import io.voxplane.sip.AuthValue;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.auth.DigestAlgorithm;
import io.voxplane.stack.auth.DigestComputation;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny SIP phone over UDP on loopback for tests: builds requests, answers digest challenges. */
final class UdpPhone implements AutoCloseable {

    private final String user;
    private final String password;
    private final InetSocketAddress server;
    private final DatagramSocket socket;
    private final AtomicInteger cseq = new AtomicInteger();
    private final String callId;

    UdpPhone(String user, String password, InetSocketAddress server) throws Exception {
        this.user = user;
        this.password = password;
        this.server = server;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setSoTimeout(10_000);
        this.callId = user + "-" + System.nanoTime() + "@127.0.0.1";
    }

    int port() {
        return socket.getLocalPort();
    }

    String request(String method, String requestUri, String to, String authorization) {
        int n = cseq.incrementAndGet();
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port() + ";branch=z9hG4bK-" + user + "-" + n + "-" + System.nanoTime() + "\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=" + user + "\r\n"
                + "To: <" + to + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + n + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port() + ">\r\n"
                + (method.equals("REGISTER") ? "Expires: 3600\r\n" : "")
                + (authorization == null ? "" : authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends and returns the next final response. */
    SipResponse send(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
        while (true) {
            SipMessage message = receive();
            if (message instanceof SipResponse response && response.isFinal()) {
                return response;
            }
        }
    }

    SipMessage receive() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(packet);
        return SipParser.withDefaults().parse(packet.getData(), 0, packet.getLength());
    }

    /** Receives the next request (as a called phone). */
    SipRequest receiveRequest() throws Exception {
        while (true) {
            if (receive() instanceof SipRequest request) {
                return request;
            }
        }
    }

    void sendRaw(String text, InetSocketAddress to) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** The Authorization / Proxy-Authorization header answering {@code challenge} (MD5 choice). */
    String answer(SipResponse challenge, String method, String requestUri, String withPassword) {
        boolean proxy = challenge.status() == 407;
        String header = proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
        AuthValue chosen = challenge.headerValues(header).stream().map(v -> {
            try {
                return AuthValue.parse(v);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(v -> v.parameter("algorithm").orElse("MD5").equals("MD5")).findFirst().orElseThrow();
        String realm = chosen.realm().orElseThrow();
        String nonce = chosen.nonce().orElseThrow();
        String cnonce = "c" + System.nanoTime();
        String ha1 = DigestComputation.ha1(DigestAlgorithm.MD5, user, realm, withPassword);
        String response = DigestComputation.response(DigestAlgorithm.MD5, ha1, nonce, "00000001", cnonce, "auth",
                DigestComputation.ha2(DigestAlgorithm.MD5, method, requestUri));
        return (proxy ? "Proxy-Authorization" : "Authorization") + ": Digest username=\"" + user + "\", realm=\""
                + realm + "\", nonce=\"" + nonce + "\", uri=\"" + requestUri + "\", response=\"" + response
                + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"" + cnonce + "\"";
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        socket.close();
    }
}
