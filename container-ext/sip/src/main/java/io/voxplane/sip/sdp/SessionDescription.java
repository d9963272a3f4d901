package io.voxplane.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable SDP session description (RFC 4566 s5), version 0. Session-level fields are typed;
 * i=, u=, e=, p=, z=, k= and attributes this package does not interpret are kept as written.
 * {@link #encode()} writes the fields in the order of RFC 4566 s5 with CRLF line ends, so
 * {@code parse(encode(d))} equals {@code d}.
 *
 * <p>Media-level {@code c=} and direction attributes override the session-level ones
 * ({@link #connectionFor}, {@link #directionOf}).
 */
public record SessionDescription(Origin origin, String sessionName, Optional<String> information,
                                 Optional<String> uri, List<String> emails, List<String> phones,
                                 Optional<Connection> connection, List<Bandwidth> bandwidths,
                                 List<Timing> timings, Optional<String> timeZones, Optional<String> key,
                                 List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(information, "information");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(timeZones, "timeZones");
        Objects.requireNonNull(key, "key");
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
        if (timings.isEmpty()) {
            throw new IllegalArgumentException("SDP needs at least one t= line");
        }
    }

    /** The shape offer/answer uses (RFC 3264 s5): {@code s=-}, {@code t=0 0}, session-level c=. */
    public static SessionDescription of(Origin origin, Connection connection, List<Attribute> attributes,
                                        List<MediaDescription> media) {
        return new SessionDescription(origin, "-", Optional.empty(), Optional.empty(), List.of(), List.of(),
                Optional.of(connection), List.of(), List.of(Timing.PERMANENT), Optional.empty(),
                Optional.empty(), attributes, media);
    }

    /** The session-level direction attribute, if any. */
    public Optional<MediaDirection> direction() {
        return MediaDescription.directionIn(attributes);
    }

    /** The direction of a stream: media-level attribute, else session-level, else sendrecv (RFC 3264 s5.1). */
    public MediaDirection directionOf(MediaDescription m) {
        return m.direction().or(this::direction).orElse(MediaDirection.SENDRECV);
    }

    /** The connection of a stream: its first media-level c=, else the session-level one. */
    public Optional<Connection> connectionFor(MediaDescription m) {
        return m.connections().isEmpty() ? connection : Optional.of(m.connections().get(0));
    }

    /** A copy with another origin. */
    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, information, uri, emails, phones, connection,
                bandwidths, timings, timeZones, key, attributes, media);
    }

    /** The description as SDP text with CRLF line ends. */
    public String encode() {
        return SdpWriter.write(this);
    }

    /** {@link #encode()} as UTF-8 bytes (RFC 4566 s5: the default charset is UTF-8). */
    public byte[] toBytes() {
        return encode().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return encode();
    }
}
