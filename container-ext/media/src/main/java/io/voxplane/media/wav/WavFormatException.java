package io.voxplane.media.wav;

/** A WAV file that cannot be read; carries the {@link WavError} and what was found. */
public final class WavFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final WavError error;

    public WavFormatException(WavError error, String detail) {
        super(error.code() + " " + error + ": " + detail);
        this.error = error;
    }

    public WavError error() {
        return error;
    }
}
