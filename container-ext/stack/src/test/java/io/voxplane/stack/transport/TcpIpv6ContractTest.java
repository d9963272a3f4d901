package io.voxplane.stack.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The transport contract over TCP on IPv6 loopback. */
class TcpIpv6ContractTest extends TransportContractTest {

    @Override
    TransportType transport() {
        return TransportType.TCP;
    }

    @Override
    InetAddress loopback() {
        return Loopback.ipv6();
    }

    @Override
    TestPeer newPeer(InetSocketAddress server) throws Exception {
        return TcpTestPeer.connect(loopback(), server);
    }
}
