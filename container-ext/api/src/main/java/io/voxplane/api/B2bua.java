package io.voxplane.api;

import java.util.concurrent.CompletionStage;

/** A call bridged by the container as a back-to-back user agent (from {@link SipRequest#createB2bua}). */
public interface B2bua {

    /** Completes with the final status of the outgoing leg's INVITE. */
    CompletionStage<Integer> answered();

    /** Ends both legs (BYE or CANCEL as their state asks). Idempotent. */
    void hangup();
}
