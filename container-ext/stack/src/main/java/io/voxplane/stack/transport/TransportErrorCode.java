package io.voxplane.stack.transport;

/**
 * Stable, searchable codes for every way the transport layer fails a send, refuses to start or
 * loses a message. {@link TransportException#errorCode()} carries one; messages and log lines
 * start with it in brackets, e.g. {@code [VXTRN-003] cannot connect to 127.0.0.1:5060}.
 */
public enum TransportErrorCode {
    /** A listen point could not be bound (address in use, not a local address). */
    BIND_FAILED("VXTRN-001"),
    /** The transport layer is not running: not started yet, or stopped. */
    NOT_RUNNING("VXTRN-002"),
    /** An outgoing TCP connection could not be opened (refused, unreachable, connect timeout). */
    CONNECT_FAILED("VXTRN-003"),
    /** Writing to a socket failed (connection reset or closed meanwhile). */
    WRITE_FAILED("VXTRN-004"),
    /** No UDP listener can send to the destination. */
    NO_UDP_LISTENER("VXTRN-005"),
    /** A response's top Via gives no IP address to send to (s18.2.2; no DNS on transport threads). */
    NO_RESPONSE_DESTINATION("VXTRN-006"),
    /** The message is larger than a UDP datagram may be. */
    TOO_LARGE_FOR_UDP("VXTRN-007"),
    /** The TCP connection limit is reached. */
    TOO_MANY_CONNECTIONS("VXTRN-008"),
    /** The inbound message handler threw; that message was lost. */
    HANDLER_FAILED("VXTRN-009"),
    /** A target address is unresolved: name resolution (RFC 3263) belongs before the transport. */
    UNRESOLVED_TARGET("VXTRN-010");

    private final String code;

    TransportErrorCode(String code) {
        this.code = code;
    }

    /** The searchable code, e.g. {@code VXTRN-003}. */
    public String code() {
        return code;
    }

    /** {@code [code] text}, the form of messages and log lines. */
    String format(String text) {
        return "[" + code + "] " + text;
    }
}
