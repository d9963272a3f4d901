package io.voxplane.stack.transport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** A TCP peer on loopback: one connection, messages framed by Content-Length like any SIP stream. */
final class TcpTestPeer implements TestPeer {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    TcpTestPeer(Socket connected) throws IOException {
        this.socket = connected;
        this.socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        this.socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static TcpTestPeer connect(InetAddress loopback, InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(loopback, 0));
        socket.connect(server, RECEIVE_TIMEOUT_MILLIS);
        return new TcpTestPeer(socket);
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String transportToken() {
        return "TCP";
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes one byte per write call, flushing each, to cut the message into 1-byte segments. */
    void sendByteByByte(byte[] bytes) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
        }
    }

    @Override
    public String receive() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after " + head.size() + " bytes of a message");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.UTF_8);
        String length = SipTexts.header(headers, "Content-Length");
        if (length == null) {
            length = SipTexts.header(headers, "l");
        }
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    /** True when the server closed the connection: the next read sees end of stream (bounded by the timeout). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
