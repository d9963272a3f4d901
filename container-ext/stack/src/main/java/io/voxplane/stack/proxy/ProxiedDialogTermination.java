package io.voxplane.stack.proxy;

/**
 * What one {@link ProxiedDialogs#terminateAll} did, counted when its stage completed.
 *
 * @param dialogs    dialogs taken out of the registry to be ended
 * @param byes       BYEs handed to the transaction layer (two per dialog unless one could not be built)
 * @param answered   BYEs that got a final response (any status: the peer knows the dialog is over)
 * @param failed     BYEs that failed (no route, transport error, Timer F, transaction layer refused)
 * @param unanswered BYEs still waiting when the timeout passed
 */
public record ProxiedDialogTermination(int dialogs, int byes, int answered, int failed, int unanswered) {

    /** Nothing was tracked. */
    static final ProxiedDialogTermination NONE = new ProxiedDialogTermination(0, 0, 0, 0, 0);
}
