package io.voxplane.sip.sdp;

/** Writes a {@link SessionDescription} in the field order of RFC 4566 s5, one field per CRLF line. */
final class SdpWriter {

    private SdpWriter() {
    }

    static String write(SessionDescription d) {
        StringBuilder b = new StringBuilder(512);
        line(b, 'v', "0");
        line(b, 'o', d.origin().value());
        line(b, 's', d.sessionName());
        d.information().ifPresent(v -> line(b, 'i', v));
        d.uri().ifPresent(v -> line(b, 'u', v));
        d.emails().forEach(v -> line(b, 'e', v));
        d.phones().forEach(v -> line(b, 'p', v));
        d.connection().ifPresent(c -> line(b, 'c', c.value()));
        d.bandwidths().forEach(v -> line(b, 'b', v.text()));
        for (Timing t : d.timings()) {
            line(b, 't', t.value());
            t.repeats().forEach(r -> line(b, 'r', r));
        }
        d.timeZones().ifPresent(v -> line(b, 'z', v));
        d.key().ifPresent(v -> line(b, 'k', v));
        d.attributes().forEach(a -> line(b, 'a', a.text()));
        for (MediaDescription m : d.media()) {
            line(b, 'm', m.mediaLine());
            m.information().ifPresent(v -> line(b, 'i', v));
            m.connections().forEach(c -> line(b, 'c', c.value()));
            m.bandwidths().forEach(v -> line(b, 'b', v.text()));
            m.key().ifPresent(v -> line(b, 'k', v));
            m.attributes().forEach(a -> line(b, 'a', a.text()));
        }
        return b.toString();
    }

    private static void line(StringBuilder b, char type, String value) {
        b.append(type).append('=').append(value).append("\r\n");
    }
}
