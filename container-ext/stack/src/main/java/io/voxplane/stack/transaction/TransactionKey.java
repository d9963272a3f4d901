package io.voxplane.stack.transaction;

import io.voxplane.sip.SipMethod;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.Via;
import java.util.Locale;
import java.util.Objects;

/**
 * What identifies a transaction in the transaction table.
 *
 * <ul>
 * <li>Client side (s17.1.3): the branch of the top Via and the CSeq method; {@code sentBy} is empty.</li>
 * <li>Server side with an RFC 3261 branch (s17.2.3): branch, sent-by of the top Via and the method,
 * where ACK counts as INVITE (it belongs to the INVITE transaction) and CANCEL is its own
 * transaction.</li>
 * <li>Server side without the {@code z9hG4bK} cookie (RFC 2543 peers, s17.2.3 last paragraphs):
 * {@code branch} holds a digest of Request-URI, From tag, Call-ID, CSeq number and top Via
 * (transport, sent-by, branch if any), and the To tag for non-INVITE requests. INVITE, its ACK
 * and its CANCEL leave the To tag out, because the ACK carries the tag of the response; the
 * INVITE transaction checks that tag itself.</li>
 * </ul>
 *
 * @param client whether this is a client transaction key
 * @param branch the branch, or the RFC 2543 digest
 * @param sentBy the top Via sent-by, lower case (empty for client keys)
 * @param method the method the key stands for (INVITE for an ACK)
 */
public record TransactionKey(boolean client, String branch, String sentBy, String method) {

    private static final String RFC2543_PREFIX = "rfc2543|";

    public TransactionKey {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(method, "method");
    }

    /** The key of the client transaction that sent {@code request} (its own top Via). */
    public static TransactionKey forClientRequest(SipRequest request) {
        return new TransactionKey(true, request.topVia().branch().orElse(""), "", request.cseq().method());
    }

    /**
     * The key of the client transaction a response belongs to (s17.1.3), or null when the
     * response's top Via has no branch (it cannot match any transaction of ours).
     */
    public static TransactionKey forResponse(SipResponse response) {
        Via top = response.topVia();
        String branch = top.branch().orElse("");
        if (branch.isEmpty()) {
            return null;
        }
        return new TransactionKey(true, branch, "", response.cseq().method());
    }

    /** The key of the server transaction {@code request} belongs to (s17.2.3). ACK maps to its INVITE. */
    public static TransactionKey forServerRequest(SipRequest request) {
        String method = request.isAck() ? SipMethod.INVITE : request.method();
        return serverKey(request, method);
    }

    /** The key of the INVITE server transaction a CANCEL is meant for (s9.2). */
    public static TransactionKey forCancelledInvite(SipRequest cancel) {
        return serverKey(cancel, SipMethod.INVITE);
    }

    /** True when this key was made by the RFC 2543 fallback. */
    public boolean isRfc2543() {
        return branch.startsWith(RFC2543_PREFIX);
    }

    private static TransactionKey serverKey(SipRequest request, String method) {
        Via top = request.topVia();
        if (top.hasRfc3261Branch()) {
            return new TransactionKey(false, top.branch().orElseThrow(), top.sentBy().toLowerCase(Locale.ROOT), method);
        }
        boolean inviteFamily = SipMethod.INVITE.equals(method);
        StringBuilder digest = new StringBuilder(160).append(RFC2543_PREFIX)
                .append(request.requestUri()).append('|')
                .append(request.from().tag().orElse("")).append('|')
                .append(request.callId()).append('|')
                .append(request.cseq().number()).append('|')
                .append(top.transport().toUpperCase(Locale.ROOT)).append(' ')
                .append(top.sentBy().toLowerCase(Locale.ROOT)).append(' ')
                .append(top.branch().orElse(""));
        if (!inviteFamily) {
            digest.append('|').append(request.to().tag().orElse(""));
        }
        return new TransactionKey(false, digest.toString(), top.sentBy().toLowerCase(Locale.ROOT), method);
    }

    /** The To tag of a message, or the empty string. */
    static String toTag(SipMessage message) {
        return message.to().tag().orElse("");
    }
}
