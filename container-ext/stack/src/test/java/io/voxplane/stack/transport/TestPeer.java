package io.voxplane.stack.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The far end of a test: a plain java.net socket speaking SIP bytes to the transport layer. */
interface TestPeer extends AutoCloseable {

    /** How long a peer waits for bytes it expects. */
    int RECEIVE_TIMEOUT_MILLIS = 10_000;

    InetSocketAddress localAddress();

    /** The Via transport token of this peer. */
    String transportToken();

    void send(byte[] bytes) throws IOException;

    /** The next whole SIP message received; throws SocketTimeoutException when none comes in time. */
    String receive() throws IOException;

    @Override
    void close() throws IOException;
}
