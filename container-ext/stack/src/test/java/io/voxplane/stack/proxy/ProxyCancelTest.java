package io.voxplane.stack.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.transaction.ClientInviteTransaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 s16.10 CANCEL processing. */
class ProxyCancelTest {

    private final ProxyHarness h = new ProxyHarness();

    private static SipRequest cancelOf(SipRequest invite) {
        return ClientInviteTransaction.cancelFor(invite);
    }

    @Test
    void cancelIsAnswered200AndPropagatedToEveryPendingBranchThenTheInviteGets487() {
        h.router = tx -> tx.proxyTo(List.of(ProxyHarness.target(6001), ProxyHarness.target(6002)), ProxyOptions.parallel());
        SipRequest invite = h.invite();
        h.fromUac(invite);
        SipRequest a = h.forwardedTo("INVITE", 6001);
        SipRequest b = h.forwardedTo("INVITE", 6002);
        h.fromUas(a, 180);
        h.fromUas(b, 183);

        h.fromUac(cancelOf(invite));
        SipResponse cancelOk = h.sender.responses().stream().filter(r -> r.cseq().method().equals("CANCEL"))
                .findFirst().orElseThrow();
        assertEquals(200, cancelOk.status());
        SipRequest cancelA = h.forwardedTo("CANCEL", 6001);
        assertEquals(a.topVia(), cancelA.topVia(), "the CANCEL has the branch of the INVITE it cancels");
        assertEquals(1, h.sender.requestsTo("CANCEL", 6002).size());

        h.fromUas(a, 487);
        h.fromUas(b, 487);
        List<Integer> inviteStatuses = new ArrayList<>();
        for (SipResponse r : h.sender.responses()) {
            if (r.cseq().method().equals("INVITE") && r.status() != 100) {
                inviteStatuses.add(r.status());
            }
        }
        assertEquals(List.of(180, 183, 487), inviteStatuses);
    }

    @Test
    void cancelBeforeTheRouterDecidedAnswers487AndTheLateDecisionSendsNothing() {
        List<ProxyTransaction> held = new ArrayList<>();
        h.router = held::add;
        SipRequest invite = h.invite();
        h.fromUac(invite);
        h.fromUac(cancelOf(invite));

        held.get(0).proxyTo(ProxyHarness.target(6001), ProxyOptions.parallel());
        assertTrue(h.sender.requests("INVITE").isEmpty());
        assertTrue(h.sender.responses().stream().anyMatch(r -> r.status() == 487));
    }

    @Test
    void cancelForAnUnknownInviteIsAnswered481() {
        h.fromUac(cancelOf(h.invite()));

        assertEquals(List.of(481), h.sender.statuses());
    }
}
