package io.voxplane.runtime.events;

import java.time.Duration;
import java.util.Objects;

/**
 * What a call's media should do, as signaling asks the media plane (a value in
 * {@link OpenMedia} and {@link StartMediaFunction}).
 *
 * @param kind          the function
 * @param resource      the WAV file ({@link Kind#PROMPT}, {@link Kind#RECORD}: absolute, or relative to
 *                      the media plane's prompt directory) or the room name ({@link Kind#CONFERENCE});
 *                      empty otherwise
 * @param maxDigits     {@link Kind#COLLECT_DIGITS}: digits to collect, else 0
 * @param terminator    {@link Kind#COLLECT_DIGITS}: the key that ends the entry, or {@code 0} for none
 * @param timeout       {@link Kind#COLLECT_DIGITS}: overall timeout; {@link Kind#RECORD}: maximum
 *                      duration; {@link Duration#ZERO} for the media plane's default
 */
public record MediaFunctionSpec(Kind kind, String resource, int maxDigits, char terminator, Duration timeout) {

    /** The media functions. */
    public enum Kind {
        /** No function: the session stays open, silent (for example until the app decides). */
        NONE,
        /** Every received audio packet back to its sender. */
        ECHO,
        /** Play a WAV file once. */
        PROMPT,
        /** Record the received audio to a WAV file. */
        RECORD,
        /** Collect RFC 4733 DTMF digits. */
        COLLECT_DIGITS,
        /** Join a named conference room. */
        CONFERENCE
    }

    public MediaFunctionSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static MediaFunctionSpec none() {
        return new MediaFunctionSpec(Kind.NONE, "", 0, (char) 0, Duration.ZERO);
    }

    public static MediaFunctionSpec echo() {
        return new MediaFunctionSpec(Kind.ECHO, "", 0, (char) 0, Duration.ZERO);
    }

    public static MediaFunctionSpec prompt(String wav) {
        return new MediaFunctionSpec(Kind.PROMPT, wav, 0, (char) 0, Duration.ZERO);
    }

    public static MediaFunctionSpec record(String wav, Duration maxDuration) {
        return new MediaFunctionSpec(Kind.RECORD, wav, 0, (char) 0, maxDuration);
    }

    public static MediaFunctionSpec conference(String room) {
        return new MediaFunctionSpec(Kind.CONFERENCE, room, 0, (char) 0, Duration.ZERO);
    }

    public static MediaFunctionSpec collectDigits(int maxDigits, char terminator, Duration timeout) {
        return new MediaFunctionSpec(Kind.COLLECT_DIGITS, "", maxDigits, terminator, timeout);
    }
}
