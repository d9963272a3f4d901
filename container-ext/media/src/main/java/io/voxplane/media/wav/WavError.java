package io.voxplane.media.wav;

/** Why a WAV file cannot be read, each with a searchable code. */
public enum WavError {
    /** Not a RIFF/WAVE file. */
    NOT_RIFF_WAVE("WAV-001"),
    /** A chunk header or chunk runs past the end of the file. */
    TRUNCATED("WAV-002"),
    /** No {@code fmt } chunk before the {@code data} chunk. */
    MISSING_FORMAT("WAV-003"),
    /** No {@code data} chunk. */
    MISSING_DATA("WAV-004"),
    /** A format this reader does not decode (not PCM 16-bit, A-law or mu-law 8-bit, or not mono). */
    UNSUPPORTED_FORMAT("WAV-005"),
    /** The file is larger than {@link WavReader#DEFAULT_MAX_BYTES}. */
    TOO_LARGE("WAV-006");

    private final String code;

    WavError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
