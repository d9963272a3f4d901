package io.voxplane.stack.proxy;

/**
 * One end of a dialog a proxy sits in the middle of: the caller, who sent the initial INVITE
 * (upstream), or the callee, whose 2xx created the dialog (downstream).
 */
public enum DialogSide {
    CALLER,
    CALLEE;

    /** The other end. */
    public DialogSide opposite() {
        return this == CALLER ? CALLEE : CALLER;
    }
}
