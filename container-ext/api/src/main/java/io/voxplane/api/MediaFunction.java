package io.voxplane.api;

import java.util.Objects;

/**
 * What the media of a call answered with {@link SipRequest#answerWithMedia} does first. Later
 * functions come from the {@link MediaCall}.
 *
 * @param kind     the function
 * @param resource the WAV file of {@link Kind#PROMPT} and {@link Kind#RECORD} (absolute, or relative
 *                 to the node's prompt directory, key {@code voxplane.media.prompt-directory}), the
 *                 room name of {@link Kind#CONFERENCE}; empty for the others
 */
public record MediaFunction(Kind kind, String resource) {

    /** The functions a call can start with. */
    public enum Kind {
        /** Silence: the media is up, the app picks a function later through the {@link MediaCall}. */
        NONE,
        /** The caller hears itself: every audio packet is sent back. */
        ECHO,
        /** Plays a WAV file (mono 16-bit PCM or G.711, 8 or 16 kHz) once. */
        PROMPT,
        /** Records what the caller says to a WAV file. */
        RECORD,
        /** Joins a conference room: the caller hears everyone else in it. */
        CONFERENCE
    }

    public MediaFunction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resource, "resource");
        boolean needs = kind == Kind.PROMPT || kind == Kind.RECORD || kind == Kind.CONFERENCE;
        if (needs && resource.isBlank()) {
            throw new IllegalArgumentException(kind + " needs a " + (kind == Kind.CONFERENCE ? "room name" : "WAV file"));
        }
    }

    /** Media up, no function yet. */
    public static MediaFunction none() {
        return new MediaFunction(Kind.NONE, "");
    }

    /** Echo: the caller hears itself. */
    public static MediaFunction echo() {
        return new MediaFunction(Kind.ECHO, "");
    }

    /** Plays {@code wav} once. */
    public static MediaFunction prompt(String wav) {
        return new MediaFunction(Kind.PROMPT, wav);
    }

    /** Records the caller to {@code wav}. */
    public static MediaFunction record(String wav) {
        return new MediaFunction(Kind.RECORD, wav);
    }

    /** Joins the conference room {@code room} (made when the first caller joins). */
    public static MediaFunction conference(String room) {
        return new MediaFunction(Kind.CONFERENCE, room);
    }
}
