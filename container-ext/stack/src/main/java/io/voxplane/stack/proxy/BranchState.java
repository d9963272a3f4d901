package io.voxplane.stack.proxy;

/**
 * Where one branch (client transaction) of a response context stands, as the proxy core sees
 * it (RFC 3261 s16.7).
 *
 * <pre>
 * TRYING     --1xx-->                       PROCEEDING
 * TRYING|PROCEEDING --final / failure / branch timer--> COMPLETED
 * </pre>
 * A branch that is COMPLETED still forwards a late 2xx (s16.7 step 5: every 2xx goes upstream).
 */
enum BranchState {
    /** Request sent, nothing heard. */
    TRYING,
    /** A provisional response arrived: the branch can be cancelled (s9.1). */
    PROCEEDING,
    /** Final response, implied 408/503, or given up by the branch timer. */
    COMPLETED
}
