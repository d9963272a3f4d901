package io.voxplane.sip.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the SDP files under {@code src/test/resources/sdp} and parses text in tests. */
final class SdpFixtures {

    private SdpFixtures() {
    }

    static String text(String name) {
        try (InputStream in = SdpFixtures.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SessionDescription parse(String sdp) {
        try {
            return new SdpParser().parse(sdp);
        } catch (SdpParseException e) {
            throw new AssertionError("fixture does not parse: " + e.getMessage(), e);
        }
    }

    static SessionDescription fixture(String name) {
        return parse(text(name));
    }

    /** Text with LF line ends turned into CRLF. */
    static String crlf(String lf) {
        return lf.replace("\n", "\r\n");
    }
}
