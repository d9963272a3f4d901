package io.voxplane.runtime.signaling;

import io.voxplane.runtime.app.RequestDispatcher;
import io.voxplane.sip.SipRequest;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.TransactionUser;
import io.voxplane.stack.transport.Flow;
import java.lang.System.Logger.Level;

/**
 * The transaction user (RFC 3261 s17) of the signaling plane: hands each new request to the
 * {@link RequestDispatcher}. An ACK for a 2xx (s13.2.2.4) has no dialog to go to yet and is
 * dropped. CANCEL keeps the layer's default (487 to the INVITE, s9.2).
 */
final class DispatchingTransactionUser implements TransactionUser {

    private static final System.Logger LOG = System.getLogger(DispatchingTransactionUser.class.getName());

    private final RequestDispatcher dispatcher;

    DispatchingTransactionUser(RequestDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void onRequest(SipRequest request, ServerTransaction transaction) {
        dispatcher.dispatch(request, transaction);
    }

    @Override
    public void onAck(SipRequest ack, Flow flow) {
        LOG.log(Level.DEBUG, () -> "ACK outside any dialog dropped, Call-ID " + ack.callId());
    }
}
