package io.voxplane.stack.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The transport contract over UDP on IPv4 loopback with Netty's NIO transport (the fallback where epoll is missing). */
class NioUdpIpv4ContractTest extends TransportContractTest {

    @Override
    TransportType transport() {
        return TransportType.UDP;
    }

    @Override
    InetAddress loopback() {
        return Loopback.ipv4();
    }

    @Override
    TestPeer newPeer(InetSocketAddress server) throws Exception {
        return new UdpTestPeer(loopback(), server);
    }

    @Override
    IoTransport ioTransport() {
        return IoTransport.NIO;
    }
}
