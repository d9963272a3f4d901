package io.voxplane.stack.proxy;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.timer.TimerHandle;
import io.voxplane.stack.transaction.ClientTransaction;
import io.voxplane.stack.transaction.ClientTransactionListener;
import io.voxplane.stack.transaction.TransactionFailure;
import java.util.HashSet;
import java.util.Set;

/**
 * One branch of a {@link ProxyTransaction}: the forwarded request and its client transaction
 * (RFC 3261 s16.6 step 11). Its listener callbacks, which come on transport and timer threads,
 * are handed to the context's mailbox; every field is confined to that mailbox.
 */
final class ProxyBranch implements ClientTransactionListener {

    private final ProxyTransaction context;
    private final ProxyTarget target;
    private final SipRequest request;
    ClientTransaction transaction;
    BranchState state = BranchState.TRYING;
    SipResponse finalResponse;
    TimerHandle timer;
    boolean cancelRequested;
    private Set<String> dialogTags;

    ProxyBranch(ProxyTransaction context, ProxyTarget target, SipRequest request) {
        this.context = context;
        this.target = target;
        this.request = request;
    }

    ProxyTarget target() {
        return target;
    }

    /** The request as forwarded on this branch (with the proxy's Via on top). */
    SipRequest request() {
        return request;
    }

    /**
     * True the first time a 2xx with this To tag comes on this branch: a new dialog (s12.1), not a
     * retransmission. A branch forked further downstream may bring several.
     */
    boolean firstSightOfDialog(String toTag) {
        if (dialogTags == null) {
            dialogTags = new HashSet<>(2);
        }
        return dialogTags.add(toTag);
    }

    boolean pending() {
        return state != BranchState.COMPLETED;
    }

    @Override
    public void onResponse(ClientTransaction tx, SipResponse response) {
        context.mailbox().execute(() -> context.onBranchResponse(this, response));
    }

    @Override
    public void onFailure(ClientTransaction tx, TransactionFailure failure) {
        context.mailbox().execute(() -> context.onBranchFailure(this, failure));
    }

    @Override
    public String toString() {
        return "branch " + request.topVia().branch().orElse("?") + " to " + target.uri() + " " + state;
    }
}
