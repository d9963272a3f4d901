package io.voxplane.stack.proxy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest CSeq each side sent inside the early dialogs of one proxied INVITE (requests with
 * a To tag before the 2xx: PRACK, RFC 3262; UPDATE, RFC 3311), so that the dialog the 2xx creates
 * starts above them and a BYE the proxy sends later is in order (RFC 3261 s12.2.2). Every early
 * dialog of a forked INVITE counts: a higher CSeq than needed is still in order. 0 when none.
 */
final class EarlyCSeqs {

    private final AtomicLong fromCaller = new AtomicLong();
    private final AtomicLong fromCallee = new AtomicLong();

    void seen(DialogSide side, long cseq) {
        (side == DialogSide.CALLER ? fromCaller : fromCallee).accumulateAndGet(cseq, Math::max);
    }

    long highestFrom(DialogSide side) {
        return (side == DialogSide.CALLER ? fromCaller : fromCallee).get();
    }
}
