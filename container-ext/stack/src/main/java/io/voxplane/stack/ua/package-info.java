/**
 * A small SIP user agent over the transaction and dialog layers (RFC 3261 s8, s12-s15):
 * {@link io.voxplane.stack.ua.UserAgent} places {@link io.voxplane.stack.ua.OutgoingCall}s and
 * receives {@link io.voxplane.stack.ua.IncomingCall}s, answers OPTIONS and in-dialog BYE, ACKs
 * 2xx responses and retransmits its own 2xx until ACKed.
 *
 * <p>Error codes: VXUA-001 unresolvable target URI, -002 operation not allowed in the call's
 * state, -010 call rejected by a final response, -011 INVITE
 * transaction ended without a final response (shutdown), -020 a DNS lookup failed (timeout,
 * SERVFAIL), -021 a transport Voxplane lacks ({@code sips:}, {@code transport=tls}).
 */
package io.voxplane.stack.ua;
