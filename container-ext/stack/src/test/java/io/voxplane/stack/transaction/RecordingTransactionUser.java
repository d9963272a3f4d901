package io.voxplane.stack.transaction;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transport.Flow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Test double of the TU: records what the layer passes up; can answer requests through a hook. */
final class RecordingTransactionUser implements TransactionUser {

    final List<SipRequest> requests = new ArrayList<>();
    final List<ServerTransaction> serverTransactions = new ArrayList<>();
    final List<SipRequest> acks = new ArrayList<>();
    final List<SipRequest> cancels = new ArrayList<>();
    final List<SipResponse> strays = new ArrayList<>();
    final List<TransactionFailure> failures = new ArrayList<>();
    final List<ServerTransaction> terminated = new ArrayList<>();
    BiConsumer<SipRequest, ServerTransaction> answer = (request, transaction) -> { };

    @Override
    public synchronized void onRequest(SipRequest request, ServerTransaction transaction) {
        requests.add(request);
        serverTransactions.add(transaction);
        answer.accept(request, transaction);
    }

    @Override
    public synchronized void onAck(SipRequest ack, Flow flow) {
        acks.add(ack);
    }

    @Override
    public synchronized void onCancel(SipRequest cancel, ServerInviteTransaction invite) {
        cancels.add(cancel);
        TransactionUser.super.onCancel(cancel, invite);
    }

    @Override
    public synchronized void onStrayResponse(SipResponse response, Flow flow) {
        strays.add(response);
    }

    @Override
    public synchronized void onServerTransactionFailure(ServerTransaction transaction, TransactionFailure failure) {
        failures.add(failure);
    }

    @Override
    public synchronized void onServerTransactionTerminated(ServerTransaction transaction) {
        terminated.add(transaction);
    }
}
