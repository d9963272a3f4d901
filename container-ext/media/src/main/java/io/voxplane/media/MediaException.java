package io.voxplane.media;

import java.util.Objects;

/**
 * A media-plane operation that failed, with its {@link MediaErrorCode}; the message starts with
 * the code and names what was involved (port range, file, codec, room).
 */
public final class MediaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MediaErrorCode code;

    public MediaException(MediaErrorCode code, String detail) {
        this(code, detail, null);
    }

    public MediaException(MediaErrorCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code").code() + " " + code + ": " + detail, cause);
        this.code = code;
    }

    /** The typed reason. */
    public MediaErrorCode code() {
        return code;
    }
}
