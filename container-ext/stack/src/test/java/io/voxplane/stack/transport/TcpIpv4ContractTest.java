package io.voxplane.stack.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The transport contract over TCP on IPv4 loopback. */
class TcpIpv4ContractTest extends TransportContractTest {

    @Override
    TransportType transport() {
        return TransportType.TCP;
    }

    @Override
    InetAddress loopback() {
        return Loopback.ipv4();
    }

    @Override
    TestPeer newPeer(InetSocketAddress server) throws Exception {
        return TcpTestPeer.connect(loopback(), server);
    }
}
