package io.voxplane.stack.transaction;

import io.voxplane.sip.SipResponse;
import java.util.ArrayList;
import java.util.List;

/** Test double of a client transaction's TU. */
final class RecordingClientListener implements ClientTransactionListener {

    final List<SipResponse> responses = new ArrayList<>();
    final List<TransactionFailure> failures = new ArrayList<>();
    int terminated;

    @Override
    public synchronized void onResponse(ClientTransaction transaction, SipResponse response) {
        responses.add(response);
    }

    @Override
    public synchronized void onFailure(ClientTransaction transaction, TransactionFailure failure) {
        failures.add(failure);
    }

    @Override
    public synchronized void onTerminated(ClientTransaction transaction) {
        terminated++;
    }

    synchronized List<Integer> statuses() {
        return responses.stream().map(SipResponse::status).toList();
    }
}
