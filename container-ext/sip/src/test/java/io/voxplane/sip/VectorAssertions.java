package io.voxplane.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;

/** Shared helpers for the RFC vector tests. */
final class VectorAssertions {

    private VectorAssertions() {
    }

    static SipMessage parse(byte[] data) {
        try {
            SipMessage m = SipParser.withDefaults().parse(data);
            assertRoundTrips(m);
            return m;
        } catch (SipParseException e) {
            return fail("expected the message to parse but got " + e.getMessage(), e);
        }
    }

    static SipRequest request(byte[] data) {
        return assertInstanceOf(SipRequest.class, parse(data));
    }

    static SipResponse response(byte[] data) {
        return assertInstanceOf(SipResponse.class, parse(data));
    }

    /** Parse -> toBytes -> parse gives equal values. */
    static void assertRoundTrips(SipMessage m) {
        SipMessage again;
        try {
            again = SipParser.withDefaults().parse(m.toBytes());
        } catch (SipParseException e) {
            fail("serialized form does not parse: " + e.getMessage() + "\n" + m, e);
            return;
        }
        assertEquals(m.isRequest(), again.isRequest());
        if (m instanceof SipRequest r) {
            SipRequest a = (SipRequest) again;
            assertEquals(r.method(), a.method());
            assertEquals(r.requestUri(), a.requestUri());
            assertEquals(r.requestUri().toString(), a.requestUri().toString());
        } else {
            SipResponse r = (SipResponse) m;
            assertEquals(r.status(), ((SipResponse) again).status());
            assertEquals(r.reason(), ((SipResponse) again).reason());
        }
        assertEquals(m.vias(), again.vias());
        assertEquals(m.from(), again.from());
        assertEquals(m.to(), again.to());
        assertEquals(m.callId(), again.callId());
        assertEquals(m.cseq(), again.cseq());
        assertEquals(m.maxForwards(), again.maxForwards());
        assertEquals(m.contacts(), again.contacts());
        assertEquals(m.routes(), again.routes());
        assertEquals(m.recordRoutes(), again.recordRoutes());
        assertEquals(m.contentType(), again.contentType());
        assertEquals(m.expires(), again.expires());
        assertEquals(m.authorizations(), again.authorizations());
        // Content-Length is always written (and derived), so compare everything else field by field
        java.util.List<Header> before = withoutContentLength(m);
        java.util.List<Header> after = withoutContentLength(again);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).value(), after.get(i).value());
            assertTrue(HeaderNames.same(before.get(i).name(), after.get(i).name()));
        }
        assertEquals(String.valueOf(m.body().length), again.header("Content-Length").orElseThrow());
        assertEquals(java.util.HexFormat.of().formatHex(m.body()), java.util.HexFormat.of().formatHex(again.body()));
    }

    private static java.util.List<Header> withoutContentLength(SipMessage m) {
        return m.headers().stream().filter(h -> !h.is("Content-Length")).toList();
    }

    static SipParseException rejected(byte[] data, SipErrorCode code, int status) {
        SipParseException e = assertThrows(SipParseException.class, () -> SipParser.withDefaults().parse(data));
        assertEquals(code, e.error(), e.getMessage());
        assertEquals(code.code(), e.errorCode());
        assertEquals(status, e.statusCode(), e.getMessage());
        if (status != 0) {
            assertTrue(e.reasonPhrase().startsWith(StatusCodes.reasonPhrase(status)), e.reasonPhrase());
        }
        return e;
    }

    /** The ready error response copies the request's identifying headers (s8.2.6.2). */
    static SipResponse errorResponse(SipParseException e, int status) {
        Optional<SipResponse> r = e.errorResponse();
        assertTrue(r.isPresent(), "expected an error response for " + e.getMessage());
        assertEquals(status, r.get().status());
        assertEquals(e.reasonPhrase(), r.get().reason());
        assertTrue(e.isRequest());
        return r.get();
    }

    /**
     * The raw error response (no typed one possible) as its lines, without the final empty line;
     * checks it ends with {@code Content-Length: 0} and one empty line and starts with the status line.
     */
    static java.util.List<String> rawErrorLines(SipParseException e, int status) {
        assertTrue(e.errorResponse().isEmpty(), "a typed response exists for " + e.getMessage());
        RawErrorResponse raw = e.rawErrorResponse().orElseThrow(
                () -> new AssertionError("expected a raw error response for " + e.getMessage()));
        String text = new String(raw.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\nContent-Length: 0\r\n\r\n"), text);
        java.util.List<String> lines = java.util.List.of(text.substring(0, text.length() - 4).split("\r\n", -1));
        assertEquals("SIP/2.0 " + status + " " + e.reasonPhrase(), lines.get(0));
        return lines;
    }

    /** Feeds the bytes to a stream framer and expects a framing failure. */
    static SipParseException framingLostOnStream(byte[] data, SipErrorCode code) {
        StreamFramer framer = new StreamFramer(SipLimits.defaults());
        framer.append(data, 0, data.length);
        SipParseException e = assertThrows(SipParseException.class, () -> {
            byte[] m = framer.next();
            if (m == null) {
                framer.endOfInput();
            }
        });
        assertTrue(e.framingLost(), "framing must be lost: " + e.getMessage());
        assertEquals(code, e.error());
        return e;
    }

    static Optional<RequestValidator.Rejection> validate(SipRequest r, RequestValidator.Config config) {
        return new RequestValidator(config).check(r);
    }
}
