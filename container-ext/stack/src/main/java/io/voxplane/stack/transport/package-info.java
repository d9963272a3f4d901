/**
 * The SIP transport layer (RFC 3261 s18, RFC 3581): UDP and TCP listeners and connections on
 * Netty 4.2, framing and parsing of inbound messages, and the {@link
 * io.voxplane.stack.transport.MessageSender} the transaction layer writes through.
 *
 * <p>Entry point: {@link io.voxplane.stack.transport.SipTransportLayer}, configured by a
 * {@link io.voxplane.stack.transport.TransportConfig} (each setting has a {@code DEFAULT_*}
 * constant and a {@code voxplane.transport.*} key), delivering to an
 * {@link io.voxplane.stack.transport.InboundMessageHandler}, counting into
 * {@link io.voxplane.stack.transport.TransportStatistics}. Error messages and logs start with a
 * searchable {@code [VXTRN-nnn]} code.
 */
package io.voxplane.stack.transport;
