package io.voxplane.stack.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The transport contract over UDP on IPv4 loopback. */
class UdpIpv4ContractTest extends TransportContractTest {

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
}
