/**
 * The back-to-back user agent core: {@link io.voxplane.stack.b2bua.B2bua} turns each incoming
 * INVITE into a {@link io.voxplane.stack.b2bua.B2buaCall} that bridges it to the callee a
 * {@link io.voxplane.stack.b2bua.B2buaRouter} picks. Both legs are dialogs of the stack's
 * {@link io.voxplane.stack.ua.UserAgent}; the B2BUA links their events (1xx and 2xx relayed,
 * failures mapped, ACK per leg, BYE from either side ends both, CANCEL from A cancels B).
 */
package io.voxplane.stack.b2bua;
