package io.voxplane.stack.transport;

/**
 * A snapshot of a {@link SipTransportLayer}'s counters since it was created. Each value is read
 * separately, so under load two values may be a few events apart.
 *
 * @param messagesReceived      well-formed messages handed to the {@link InboundMessageHandler}
 * @param messagesSent          messages written to a socket (requests, responses, error answers)
 * @param parseErrors           datagrams or framed messages the parser or framer rejected
 * @param dropped               inbound bytes or messages thrown away without an answer (unanswerable
 *                              parse errors, responses not for us, handler failures)
 * @param answeredWithError     parse errors answered with the parser's error response (400, 505 ...)
 * @param sendFailures          sends that completed with a {@link TransportException}
 * @param connectionsOpened     TCP connections accepted or connected
 * @param connectionsClosed     TCP connections closed, for any reason
 * @param connectionsRejected   TCP connections refused because {@code maxConnections} was reached
 * @param switchedToTcp         UDP requests sent over TCP because of their size (s18.1.1)
 */
public record TransportStatistics(
        long messagesReceived,
        long messagesSent,
        long parseErrors,
        long dropped,
        long answeredWithError,
        long sendFailures,
        long connectionsOpened,
        long connectionsClosed,
        long connectionsRejected,
        long switchedToTcp) {

    /** TCP connections open at the time of the snapshot. */
    public long connectionsOpen() {
        return connectionsOpened - connectionsClosed;
    }
}
