package io.voxplane.stack.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A UDP peer on loopback: sends datagrams to one server address, reads one message per datagram. */
final class UdpTestPeer implements TestPeer {

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    UdpTestPeer(InetAddress loopback, InetSocketAddress server) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        this.server = server;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String transportToken() {
        return "UDP";
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    @Override
    public String receive() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    /** Like {@link #receive()}, also telling where the datagram came from. */
    DatagramPacket receivePacket() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(packet);
        return packet;
    }

    @Override
    public void close() {
        socket.close();
    }
}
