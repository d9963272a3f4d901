package io.voxplane.stack.transport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.uring.IoUring;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** The transport contract over TCP on IPv4 loopback with io_uring, where the kernel has it. */
class IoUringTcpIpv4ContractTest extends TransportContractTest {

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

    @Override
    IoTransport ioTransport() {
        assumeTrue(IoUring.isAvailable(), "io_uring is not available here");
        return IoTransport.IO_URING;
    }
}
