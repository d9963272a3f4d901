/**
 * The SIP transaction layer (RFC 3261 s17, as updated by RFC 6026).
 *
 * <p>{@link io.voxplane.stack.transaction.TransactionLayer} is the entry point: the transport
 * feeds it through {@code InboundMessageHandler}, it sends through {@code MessageSender}, and it
 * hands requests, 2xx ACKs, CANCELs and stray 2xx responses to a
 * {@link io.voxplane.stack.transaction.TransactionUser}. The four machines are
 * {@link io.voxplane.stack.transaction.ClientInviteTransaction} (Figure 5),
 * {@link io.voxplane.stack.transaction.ClientNonInviteTransaction} (Figure 6),
 * {@link io.voxplane.stack.transaction.ServerInviteTransaction} (Figure 7) and
 * {@link io.voxplane.stack.transaction.ServerNonInviteTransaction} (Figure 8), each with its
 * transition table over {@link io.voxplane.stack.transaction.TransactionState}. Timers are named
 * by {@link io.voxplane.stack.transaction.SipTimer} and derived from
 * {@link io.voxplane.stack.transaction.TransactionConfig}.
 *
 * <p>Error codes: VXTXN-001 timeout, -002 transport error, -003 no ACK (Timer H), -004 limit
 * reached / shut down, -005 response not allowed in this state, -006 request cannot start a client
 * transaction, -007 send failed without a TransportException, -008 inbound processing failed,
 * -009 the TU threw (500 sent), -010 the TU never answered a non-INVITE
 * request (transaction dropped after 64*T1), -900 illegal transition (a bug).
 */
package io.voxplane.stack.transaction;
