package io.voxplane.stack.dialog;

/** A dialog could not be created or used as asked. Carries a stable searchable {@link #errorCode()}. */
public class DialogException extends RuntimeException {

    /** The response cannot create a dialog (no To tag, or not 1xx/2xx). */
    public static final String CANNOT_CREATE = "VXDLG-003";
    /** The dialog has terminated and cannot send requests. */
    public static final String TERMINATED = "VXDLG-004";

    private final String errorCode;

    public DialogException(String errorCode, String message) {
        super(errorCode + " " + message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
