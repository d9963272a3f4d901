package io.voxplane.stack.transport;

/**
 * Searchable codes that start transport error messages and log lines, e.g. {@code [VXTRN-003]}.
 */
final class TransportErrors {
    /** A listener could not bind its address. */
    static final String BIND_FAILED = "VXTRN-001";
    /** The transport layer is not running (not started, or stopped). */
    static final String NOT_RUNNING = "VXTRN-002";
    /** An outgoing TCP connection could not be opened. */
    static final String CONNECT_FAILED = "VXTRN-003";
    /** Writing to a socket failed. */
    static final String WRITE_FAILED = "VXTRN-004";
    /** No UDP listener can send to the destination's address family. */
    static final String NO_UDP_LISTENER = "VXTRN-005";
    /** A response's Via gives no address to send to (s18.2.2). */
    static final String NO_RESPONSE_DESTINATION = "VXTRN-006";
    /** The message is larger than a UDP datagram can carry. */
    static final String TOO_LARGE_FOR_UDP = "VXTRN-007";
    /** The connection limit is reached. */
    static final String TOO_MANY_CONNECTIONS = "VXTRN-008";
    /** The inbound handler threw; the message was lost. */
    static final String HANDLER_FAILED = "VXTRN-009";

    private TransportErrors() {
    }

    static String format(String code, String text) {
        return "[" + code + "] " + text;
    }
}
