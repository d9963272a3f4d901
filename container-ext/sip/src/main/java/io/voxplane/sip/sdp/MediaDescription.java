package io.voxplane.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One media section (RFC 4566 s5.14): the {@code m=} line {@code media port[/count] proto fmt...}
 * and its {@code i=}, {@code c=}, {@code b=}, {@code k=} and {@code a=} lines. Port 0 means the
 * stream is rejected or disabled (RFC 3264 s6, s8.2). For RTP profiles the formats are payload
 * type numbers; typed views read rtpmap, fmtp, ptime, maxptime, direction and rtcp (RFC 3605).
 *
 * @param portCount the {@code /count} of the m= line, 0 when not written
 * @param formats   the fmt list, in the writer's order of preference (RFC 3264 s5.1)
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               Optional<String> information, List<Connection> connections,
                               List<Bandwidth> bandwidths, Optional<String> key, List<Attribute> attributes) {

    public MediaDescription {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(proto, "proto");
        Objects.requireNonNull(information, "information");
        Objects.requireNonNull(key, "key");
        formats = List.copyOf(formats);
        connections = List.copyOf(connections);
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
        if (port < 0 || port > 65535 || portCount < 0 || formats.isEmpty()) {
            throw new IllegalArgumentException("bad m= line: " + media + " " + port + " " + proto + " " + formats);
        }
    }

    /** A section with only the m= line fields and attributes. */
    public static MediaDescription of(String media, int port, String proto, List<String> formats,
                                      List<Attribute> attributes) {
        return new MediaDescription(media, port, 0, proto, formats, Optional.empty(), List.of(), List.of(),
                Optional.empty(), attributes);
    }

    /** Whether the port is 0: the stream is rejected or disabled (RFC 3264 s6, s8.2). */
    public boolean isRejected() {
        return port == 0;
    }

    /** Whether the media type is {@code audio}. */
    public boolean isAudio() {
        return media.equalsIgnoreCase("audio");
    }

    /** The first attribute with this name, if any. */
    public Optional<Attribute> attribute(String name) {
        for (Attribute a : attributes) {
            if (a.is(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The rtpmap for a payload type: its {@code a=rtpmap} line, else the RFC 3551 static
     * assignment (static types need no rtpmap).
     */
    public Optional<RtpMap> rtpmap(int payloadType) {
        for (Attribute a : attributes) {
            if (a.is("rtpmap") && a.value().isPresent()) {
                Optional<RtpMap> m = RtpMap.parse(a.value().get());
                if (m.isPresent() && m.get().payloadType() == payloadType) {
                    return m;
                }
            }
        }
        return RtpMap.forStaticType(payloadType);
    }

    /**
     * Every payload type of the format list with its mapping ({@code a=rtpmap}, else the RFC 3551
     * static one), in format-list order, read in one pass; dynamic types without rtpmap are left
     * out. Use this rather than {@link #rtpmap(int)} per format, which rescans the attributes.
     */
    public Map<Integer, RtpMap> rtpMaps() {
        Map<Integer, RtpMap> explicit = new HashMap<>();
        for (Attribute a : attributes) {
            if (a.is("rtpmap") && a.value().isPresent()) {
                RtpMap.parse(a.value().get()).ifPresent(m -> explicit.putIfAbsent(m.payloadType(), m));
            }
        }
        Map<Integer, RtpMap> maps = new LinkedHashMap<>();
        for (int pt : payloadTypes()) {
            RtpMap m = explicit.get(pt);
            if (m == null) {
                m = RtpMap.forStaticType(pt).orElse(null);
            }
            if (m != null) {
                maps.putIfAbsent(pt, m);
            }
        }
        return maps;
    }

    /** The format parameters of {@code a=fmtp:<payloadType> <params>}, if any. */
    public Optional<String> fmtp(int payloadType) {
        String prefix = payloadType + " ";
        for (Attribute a : attributes) {
            if (a.is("fmtp") && a.value().isPresent()) {
                String v = a.value().get();
                if (v.startsWith(prefix)) {
                    return Optional.of(v.substring(prefix.length()).strip());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code a=ptime} in milliseconds: the packet time the writer wants to receive. */
    public OptionalInt ptime() {
        return intAttribute("ptime");
    }

    /** {@code a=maxptime} in milliseconds. */
    public OptionalInt maxptime() {
        return intAttribute("maxptime");
    }

    private OptionalInt intAttribute(String name) {
        Optional<Attribute> a = attribute(name);
        if (a.isEmpty() || a.get().value().isEmpty()) {
            return OptionalInt.empty();
        }
        String v = a.get().value().get();
        int n = SdpNumbers.parseInt(v, 0, v.length(), 65535);
        return n <= 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** The media-level direction attribute, if any (the last one wins). */
    public Optional<MediaDirection> direction() {
        return directionIn(attributes);
    }

    static Optional<MediaDirection> directionIn(List<Attribute> attributes) {
        Optional<MediaDirection> found = Optional.empty();
        for (Attribute a : attributes) {
            if (a.value().isEmpty()) {
                Optional<MediaDirection> d = MediaDirection.fromAttribute(a.name());
                if (d.isPresent()) {
                    found = d;
                }
            }
        }
        return found;
    }

    /** The {@code a=rtcp} attribute (RFC 3605), if any. */
    public Optional<RtcpAttribute> rtcp() {
        return attribute("rtcp").flatMap(Attribute::value).flatMap(RtcpAttribute::parse);
    }

    /** The formats as payload type numbers, skipping any that are not numbers in 0..127. */
    public List<Integer> payloadTypes() {
        List<Integer> pts = new ArrayList<>(formats.size());
        for (String f : formats) {
            int pt = SdpNumbers.parseInt(f, 0, f.length(), 127);
            if (pt >= 0) {
                pts.add(pt);
            }
        }
        return pts;
    }

    /** A copy with another port; port 0 rejects or disables the stream. */
    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, proto, formats, information, connections,
                bandwidths, key, attributes);
    }

    /** The m= line's value, without {@code m=}. */
    public String mediaLine() {
        StringBuilder b = new StringBuilder(media).append(' ').append(port);
        if (portCount > 0) {
            b.append('/').append(portCount);
        }
        b.append(' ').append(proto);
        for (String f : formats) {
            b.append(' ').append(f);
        }
        return b.toString();
    }
}
