package io.voxplane.stack.dialog;

/** Which side of the dialog-creating request this UA was (RFC 3261 s12.1.1, s12.1.2). */
public enum DialogRole {
    /** This UA sent the request that created the dialog. */
    UAC,
    /** This UA received the request that created the dialog. */
    UAS
}
