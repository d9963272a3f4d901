package io.voxplane.media.dtmf;

/** A telephone-event payload that cannot be read; code {@code DTMF-001}. */
public final class DtmfFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The searchable code. */
    public static final String CODE = "DTMF-001";

    public DtmfFormatException(String detail) {
        super(CODE + " " + detail);
    }
}
