/**
 * SIP dialogs (RFC 3261 s12): {@link io.voxplane.stack.dialog.Dialog} (creation as UAC or UAS,
 * route set, remote target, CSeq bookkeeping, in-dialog request and ACK construction with loose
 * and strict routing) and {@link io.voxplane.stack.dialog.DialogRegistry} (lookup by
 * {@link io.voxplane.stack.dialog.DialogId}, 481 / 500 rejections as
 * {@link io.voxplane.stack.dialog.DialogMatch}).
 *
 * <p>Error codes: VXDLG-001 no dialog (481), -002 CSeq out of order (500), -003 response cannot
 * create a dialog, -004 dialog terminated.
 */
package io.voxplane.stack.dialog;
