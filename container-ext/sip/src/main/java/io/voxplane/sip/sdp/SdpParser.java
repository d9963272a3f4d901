package io.voxplane.sip.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads SDP (RFC 4566 s5) into a {@link SessionDescription}.
 *
 * <p>Strict where RFC 4566 is: {@code v=0} comes first; o=, s= and at least one t= are present;
 * every line is {@code <type>=<value>} with a one-letter type and no space around {@code =};
 * type letters RFC 4566 does not define reject the description (s5: it "MUST be ignored");
 * v=, o=, s=, t=, r=, z=, u=, e=, p= never appear inside a media section; a stream with a non-zero
 * port has a connection address at media or session level (s5.7); rtpmap, ptime, maxptime and
 * rtcp (RFC 3605) values have their defined shape.
 *
 * <p>Lenient on what phones send: lines may end in CRLF or a bare LF, trailing spaces and tabs
 * and blank lines are ignored, fields within the session section may come in any order after o=,
 * fields are split on runs of spaces, unknown attributes are kept verbatim.
 *
 * <p>Limits come from {@link SdpLimits}; a parser is immutable and can be shared.
 */
public final class SdpParser {

    private static final String KNOWN_TYPES = "vosiuepcbtrzkam";
    private static final String SESSION_ONLY_TYPES = "vosuetrzp";

    private final SdpLimits limits;

    public SdpParser(SdpLimits limits) {
        this.limits = limits;
    }

    /** A parser with the default limits. */
    public SdpParser() {
        this(SdpLimits.defaults());
    }

    /** Parses a UTF-8 body (RFC 4566 s5: UTF-8 unless a charset attribute says otherwise). */
    public SessionDescription parse(byte[] body) throws SdpParseException {
        if (body.length > limits.maxLength()) {
            throw tooLarge(body.length);
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** Parses SDP text. */
    public SessionDescription parse(String text) throws SdpParseException {
        if (text.length() > limits.maxLength()) {
            throw tooLarge(text.length());
        }
        return new Run(text).parse();
    }

    private SdpParseException tooLarge(int length) {
        return new SdpParseException(SdpErrorCode.TOO_LARGE,
                "SDP of " + length + " characters exceeds the limit of " + limits.maxLength(), 0);
    }

    /** The state of one parse. */
    private final class Run {
        private final String text;
        private int lineNumber;

        private boolean seenVersion;
        private Origin origin;
        private String sessionName;
        private String information;
        private String uri;
        private final List<String> emails = new ArrayList<>();
        private final List<String> phones = new ArrayList<>();
        private Connection connection;
        private final List<Bandwidth> bandwidths = new ArrayList<>();
        private final List<Timing> timings = new ArrayList<>();
        private final List<String> repeats = new ArrayList<>();
        private long[] pendingTiming;
        private String timeZones;
        private String key;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private MediaBuilder current;

        Run(String text) {
            this.text = text;
        }

        SessionDescription parse() throws SdpParseException {
            int pos = 0;
            int physicalLines = 0;
            int n = text.length();
            while (pos < n) {
                int lf = text.indexOf('\n', pos);
                int end = lf < 0 ? n : lf;
                physicalLines++;
                if (physicalLines > limits.maxLines()) {
                    throw new SdpParseException(SdpErrorCode.TOO_MANY_LINES,
                            "more than " + limits.maxLines() + " lines", physicalLines);
                }
                lineNumber = physicalLines;
                int stop = end;
                while (stop > pos && isTrailingSpace(text.charAt(stop - 1))) {
                    stop--;
                }
                if (stop > pos) {
                    line(text.substring(pos, stop));
                }
                pos = end + 1;
            }
            return finish();
        }

        private static boolean isTrailingSpace(char c) {
            return c == '\r' || c == ' ' || c == '\t';
        }

        private void line(String line) throws SdpParseException {
            char type = line.charAt(0);
            if (line.length() < 2 || line.charAt(1) != '=' || type < 'a' || type > 'z') {
                if (!seenVersion) {
                    throw error(SdpErrorCode.BAD_VERSION, "first line is not v=0: " + abbreviate(line));
                }
                throw error(SdpErrorCode.BAD_LINE, "not <type>=<value>: " + abbreviate(line));
            }
            String value = line.substring(2);
            if (!seenVersion) {
                if (type != 'v' || !value.equals("0")) {
                    throw error(SdpErrorCode.BAD_VERSION, "first line is not v=0: " + abbreviate(line));
                }
                seenVersion = true;
                return;
            }
            if (KNOWN_TYPES.indexOf(type) < 0) {
                throw error(SdpErrorCode.UNKNOWN_FIELD, "unknown field type '" + type + "'");
            }
            if (current != null) {
                mediaField(type, value);
            } else {
                sessionField(type, value);
            }
        }

        private void sessionField(char type, String value) throws SdpParseException {
            switch (type) {
                case 'v' -> throw misplaced("v= repeated");
                case 'o' -> {
                    if (origin != null) {
                        throw misplaced("o= repeated");
                    }
                    origin = origin(value);
                }
                case 's' -> {
                    if (sessionName != null) {
                        throw misplaced("s= repeated");
                    }
                    sessionName = value;
                }
                case 'i' -> information = once(information, value, "i=");
                case 'u' -> uri = once(uri, value, "u=");
                case 'e' -> emails.add(value);
                case 'p' -> phones.add(value);
                case 'c' -> {
                    if (connection != null) {
                        throw misplaced("session-level c= repeated");
                    }
                    connection = connection(value);
                }
                case 'b' -> bandwidths.add(bandwidth(value));
                case 't' -> {
                    closeTiming();
                    pendingTiming = timing(value);
                }
                case 'r' -> {
                    if (pendingTiming == null) {
                        throw misplaced("r= without a preceding t=");
                    }
                    repeats.add(value);
                }
                case 'z' -> timeZones = once(timeZones, value, "z=");
                case 'k' -> key = once(key, value, "k=");
                case 'a' -> attributes.add(attribute(value));
                case 'm' -> startMedia(value);
                default -> throw error(SdpErrorCode.UNKNOWN_FIELD, "unknown field type '" + type + "'");
            }
        }

        private void mediaField(char type, String value) throws SdpParseException {
            if (SESSION_ONLY_TYPES.indexOf(type) >= 0) {
                throw misplaced(type + "= inside a media section");
            }
            switch (type) {
                case 'i' -> current.information = once(current.information, value, "i=");
                case 'c' -> current.connections.add(connection(value));
                case 'b' -> current.bandwidths.add(bandwidth(value));
                case 'k' -> current.key = once(current.key, value, "k=");
                case 'a' -> current.attributes.add(attribute(value));
                case 'm' -> startMedia(value);
                default -> throw error(SdpErrorCode.UNKNOWN_FIELD, "unknown field type '" + type + "'");
            }
        }

        private String once(String existing, String value, String field) throws SdpParseException {
            if (existing != null) {
                throw misplaced(field + " repeated");
            }
            return value;
        }

        private void closeTiming() {
            if (pendingTiming != null) {
                timings.add(new Timing(pendingTiming[0], pendingTiming[1], repeats));
                repeats.clear();
                pendingTiming = null;
            }
        }

        private Origin origin(String value) throws SdpParseException {
            String[] f = fields(value);
            if (f.length != 6 || !SdpNumbers.isDigits(f[1]) || !SdpNumbers.isDigits(f[2])) {
                throw error(SdpErrorCode.BAD_ORIGIN,
                        "o= must be 'username sess-id sess-version nettype addrtype address': " + abbreviate(value));
            }
            return new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
        }

        private Connection connection(String value) throws SdpParseException {
            String[] f = fields(value);
            if (f.length != 3) {
                throw error(SdpErrorCode.BAD_CONNECTION,
                        "c= must be 'nettype addrtype address': " + abbreviate(value));
            }
            if (f[1].equalsIgnoreCase("IP4") && f[2].indexOf(':') >= 0
                    || f[1].equalsIgnoreCase("IP6") && f[2].indexOf(':') < 0 && startsWithDigit(f[2])) {
                throw error(SdpErrorCode.BAD_CONNECTION, "address does not match " + f[1] + ": " + f[2]);
            }
            return new Connection(f[0], f[1], f[2]);
        }

        private static boolean startsWithDigit(String s) {
            return !s.isEmpty() && s.charAt(0) >= '0' && s.charAt(0) <= '9';
        }

        private Bandwidth bandwidth(String value) throws SdpParseException {
            int colon = value.indexOf(':');
            long bw = colon <= 0 ? -1 : SdpNumbers.parseLong(value, colon + 1, value.length(), Long.MAX_VALUE);
            if (bw < 0) {
                throw error(SdpErrorCode.BAD_BANDWIDTH, "b= must be 'bwtype:bandwidth': " + abbreviate(value));
            }
            return new Bandwidth(value.substring(0, colon), bw);
        }

        private long[] timing(String value) throws SdpParseException {
            String[] f = fields(value);
            long start = f.length == 2 ? SdpNumbers.parseLong(f[0], 0, f[0].length(), Long.MAX_VALUE) : -1;
            long stop = f.length == 2 ? SdpNumbers.parseLong(f[1], 0, f[1].length(), Long.MAX_VALUE) : -1;
            if (start < 0 || stop < 0) {
                throw error(SdpErrorCode.BAD_TIMING, "t= must be 'start-time stop-time': " + abbreviate(value));
            }
            return new long[] {start, stop};
        }

        private Attribute attribute(String value) throws SdpParseException {
            int colon = value.indexOf(':');
            String name = colon < 0 ? value : value.substring(0, colon);
            if (name.isEmpty() || name.indexOf(' ') >= 0) {
                throw error(SdpErrorCode.BAD_ATTRIBUTE, "a= without an attribute name: " + abbreviate(value));
            }
            if (colon < 0) {
                return Attribute.flag(name);
            }
            String v = value.substring(colon + 1);
            checkTypedAttribute(name, v);
            return Attribute.of(name, v);
        }

        private void checkTypedAttribute(String name, String v) throws SdpParseException {
            boolean ok = switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "rtpmap" -> RtpMap.parse(v).isPresent();
                case "ptime", "maxptime" -> SdpNumbers.parseInt(v, 0, v.length(), 65535) > 0;
                case "rtcp" -> RtcpAttribute.parse(v).isPresent();
                case "fmtp" -> v.indexOf(' ') > 0;
                default -> true;
            };
            if (!ok) {
                throw error(SdpErrorCode.BAD_ATTRIBUTE, "malformed a=" + name + ":" + abbreviate(v));
            }
        }

        private void startMedia(String value) throws SdpParseException {
            closeMedia();
            closeTiming();
            if (media.size() >= limits.maxMediaSections()) {
                throw error(SdpErrorCode.TOO_MANY_MEDIA,
                        "more than " + limits.maxMediaSections() + " media sections");
            }
            String[] f = fields(value);
            if (f.length < 4) {
                throw error(SdpErrorCode.BAD_MEDIA,
                        "m= must be 'media port proto fmt ...': " + abbreviate(value));
            }
            String portField = f[1];
            int slash = portField.indexOf('/');
            int port = SdpNumbers.parseInt(portField, 0, slash < 0 ? portField.length() : slash, 65535);
            int count = slash < 0 ? 0 : SdpNumbers.parseInt(portField, slash + 1, portField.length(), 65535);
            if (port < 0 || count < 0 || slash >= 0 && count == 0) {
                throw error(SdpErrorCode.BAD_MEDIA, "bad port in m=: " + abbreviate(portField));
            }
            current = new MediaBuilder(f[0], port, count, f[2], List.of(f).subList(3, f.length));
        }

        private void closeMedia() {
            if (current != null) {
                media.add(current.build());
                current = null;
            }
        }

        private SessionDescription finish() throws SdpParseException {
            if (!seenVersion) {
                throw new SdpParseException(SdpErrorCode.EMPTY, "no SDP lines", 0);
            }
            closeMedia();
            closeTiming();
            if (origin == null) {
                throw new SdpParseException(SdpErrorCode.MISSING_FIELD, "o= missing", 0);
            }
            if (sessionName == null) {
                throw new SdpParseException(SdpErrorCode.MISSING_FIELD, "s= missing", 0);
            }
            if (timings.isEmpty()) {
                throw new SdpParseException(SdpErrorCode.MISSING_FIELD, "t= missing", 0);
            }
            if (connection == null) {
                for (int i = 0; i < media.size(); i++) {
                    MediaDescription m = media.get(i);
                    if (!m.isRejected() && m.connections().isEmpty()) {
                        throw new SdpParseException(SdpErrorCode.MISSING_CONNECTION,
                                "m=" + m.media() + " (section " + (i + 1) + ") has no c= and there is no session-level c=",
                                0);
                    }
                }
            }
            return new SessionDescription(origin, sessionName, Optional.ofNullable(information),
                    Optional.ofNullable(uri), emails, phones, Optional.ofNullable(connection), bandwidths, timings,
                    Optional.ofNullable(timeZones), Optional.ofNullable(key), attributes, media);
        }

        private SdpParseException error(SdpErrorCode code, String message) {
            return new SdpParseException(code, message, lineNumber);
        }

        private SdpParseException misplaced(String message) {
            return error(SdpErrorCode.MISPLACED_FIELD, message);
        }
    }

    private static String[] fields(String value) {
        String s = value.strip();
        return s.isEmpty() ? new String[0] : s.split("[ \t]+");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** The fields of one media section while it is being read. */
    private static final class MediaBuilder {
        final String media;
        final int port;
        final int portCount;
        final String proto;
        final List<String> formats;
        String information;
        final List<Connection> connections = new ArrayList<>();
        final List<Bandwidth> bandwidths = new ArrayList<>();
        String key;
        final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(String media, int port, int portCount, String proto, List<String> formats) {
            this.media = media;
            this.port = port;
            this.portCount = portCount;
            this.proto = proto;
            this.formats = formats;
        }

        MediaDescription build() {
            return new MediaDescription(media, port, portCount, proto, formats, Optional.ofNullable(information),
                    connections, bandwidths, Optional.ofNullable(key), attributes);
        }
    }
}
