package io.voxplane.sip.sdp;

import static io.voxplane.sip.sdp.SdpFixtures.crlf;
import static io.voxplane.sip.sdp.SdpFixtures.fixture;
import static io.voxplane.sip.sdp.SdpFixtures.parse;
import static io.voxplane.sip.sdp.SdpFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpParserTest {

    private static final String MINIMAL = """
            v=0
            o=- 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            m=audio 4000 RTP/AVP 0
            """;

    @Test
    void readsEveryFieldOfAFullDescription() {
        SessionDescription d = parse(crlf("""
                v=0
                o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
                s=SDP Seminar
                i=A Seminar on the session description protocol
                u=http://www.example.com/seminars/sdp.pdf
                e=j.doe@example.com (Jane Doe)
                p=+1 617 555-6011
                c=IN IP4 224.2.17.12/127
                b=CT:128
                t=2873397496 2873404696
                r=7d 1h 0 25h
                z=2882844526 -1h 2898848070 0
                k=prompt
                a=recvonly
                m=audio 49170 RTP/AVP 0
                i=voice
                b=AS:64
                k=clear:abc
                m=video 51372/2 RTP/AVP 99
                a=rtpmap:99 h263-1998/90000
                """));
        assertEquals(new Origin("jdoe", "2890844526", "2890842807", "IN", "IP4", "10.47.16.5"), d.origin());
        assertEquals("SDP Seminar", d.sessionName());
        assertEquals(Optional.of("A Seminar on the session description protocol"), d.information());
        assertEquals(Optional.of("http://www.example.com/seminars/sdp.pdf"), d.uri());
        assertEquals(List.of("j.doe@example.com (Jane Doe)"), d.emails());
        assertEquals(List.of("+1 617 555-6011"), d.phones());
        assertEquals("224.2.17.12", d.connection().orElseThrow().host());
        assertEquals(List.of(new Bandwidth("CT", 128)), d.bandwidths());
        assertEquals(new Timing(2873397496L, 2873404696L, List.of("7d 1h 0 25h")), d.timings().get(0));
        assertEquals(Optional.of("2882844526 -1h 2898848070 0"), d.timeZones());
        assertEquals(Optional.of("prompt"), d.key());
        assertEquals(Optional.of(MediaDirection.RECVONLY), d.direction());
        MediaDescription audio = d.media().get(0);
        assertEquals(Optional.of("voice"), audio.information());
        assertEquals(Optional.of("clear:abc"), audio.key());
        assertEquals(MediaDirection.RECVONLY, d.directionOf(audio), "session-level direction is the default");
        MediaDescription video = d.media().get(1);
        assertEquals(2, video.portCount());
        assertEquals("h263-1998", video.rtpmap(99).orElseThrow().encodingName());
    }

    @Test
    void parseThenEncodeThenParseGivesEqualValues() {
        for (String name : List.of("linphone-offer.sdp", "sipp-uac-offer.sdp", "audio-video-offer.sdp")) {
            SessionDescription d = fixture(name);
            assertEquals(d, parse(d.encode()), name);
        }
    }

    @Test
    void encodeWritesCrlfLinesInRfcOrderAndKeepsUnknownAttributesVerbatim() {
        String in = text("linphone-offer.sdp");
        String out = fixture("linphone-offer.sdp").encode();
        assertEquals(crlf(in), out, "a canonical LF-only body comes back byte for byte with CRLF");
        assertTrue(out.contains("a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\r\n"));
        assertTrue(out.contains("a=candidate:1 1 UDP 2130706431 192.168.1.20 7078 typ host\r\n"));
        assertTrue(out.contains("a=rtcp-mux\r\n"));
    }

    @Test
    void toleratesLfOnlyTrailingSpacesAndBlankLines() {
        String messy = "v=0 \r\no=- 1 1 IN IP4 10.0.0.1\t\ns=-\n\nc=IN  IP4   10.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0 \n\n";
        SessionDescription d = parse(messy);
        assertEquals(parse(MINIMAL), d);
        assertEquals("10.0.0.1", d.connection().orElseThrow().address());
    }

    @Test
    void readsUtf8Bytes() throws SdpParseException {
        String withName = MINIMAL.replace("s=-", "s=Caf\u00e9");
        SessionDescription d = new SdpParser().parse(withName.getBytes(StandardCharsets.UTF_8));
        assertEquals("Caf\u00e9", d.sessionName());
    }

    @Test
    void staticPayloadTypesNeedNoRtpmap() {
        MediaDescription m = fixture("sipp-uac-offer.sdp").media().get(0);
        assertEquals(List.of(), m.attributes());
        assertEquals(new RtpMap(0, "PCMU", 8000, 1), m.rtpmap(0).orElseThrow());
        assertEquals(new RtpMap(9, "G722", 8000, 1), RtpMap.forStaticType(9).orElseThrow(),
                "G722's RTP clock is 8000 (RFC 3551 s4.5.2)");
        assertTrue(m.rtpmap(96).isEmpty(), "a dynamic type without rtpmap is unknown");
    }

    @Test
    void typedMediaAttributes() {
        SessionDescription d = fixture("linphone-offer.sdp");
        MediaDescription m = d.media().get(0);
        assertEquals(List.of(96, 97, 98, 0, 8, 18, 101, 99, 100), m.payloadTypes());
        assertEquals(new RtpMap(96, "opus", 48000, 2), m.rtpmap(96).orElseThrow());
        assertEquals(Optional.of("useinbandfec=1"), m.fmtp(96));
        assertEquals(Optional.of("annexb=yes"), m.fmtp(18));
        assertEquals(new RtcpAttribute(7079, Optional.empty()), m.rtcp().orElseThrow());
        assertEquals(OptionalInt.empty(), m.ptime());
        assertEquals(Optional.empty(), m.direction());
        assertEquals(MediaDirection.SENDRECV, d.directionOf(m), "no direction anywhere means sendrecv");
        assertEquals("192.168.1.20", d.connectionFor(m).orElseThrow().host());

        MediaDescription a = fixture("audio-video-offer.sdp").media().get(0);
        assertEquals(OptionalInt.of(30), a.ptime());
        assertEquals(OptionalInt.of(60), a.maxptime());
        assertEquals(Optional.of(MediaDirection.SENDRECV), a.direction());
    }

    @Test
    void rtcpAttributeWithAddress() {
        SessionDescription d = parse(MINIMAL + "a=rtcp:53020 IN IP6 2001:db8::7\n");
        RtcpAttribute r = d.media().get(0).rtcp().orElseThrow();
        assertEquals(53020, r.port());
        assertEquals("2001:db8::7", r.address().orElseThrow().host());
    }

    @Test
    void mediaLevelDirectionOverridesSessionLevel() {
        SessionDescription d = parse(MINIMAL.replace("t=0 0\n", "t=0 0\na=inactive\n") + "a=sendonly\n"
                + "m=audio 4002 RTP/AVP 8\n");
        assertEquals(MediaDirection.SENDONLY, d.directionOf(d.media().get(0)));
        assertEquals(MediaDirection.INACTIVE, d.directionOf(d.media().get(1)));
    }

    @Test
    void ipv6ConnectionAtSessionAndMediaLevel() {
        SessionDescription d = fixture("audio-video-offer.sdp");
        Connection c = d.connection().orElseThrow();
        assertEquals("IP6", c.addressType());
        assertEquals("2001:db8::10", c.host());
        assertTrue(c.isInternet());
        SessionDescription m = parse(MINIMAL + "c=IN IP6 ::1\n");
        assertEquals("::1", m.connectionFor(m.media().get(0)).orElseThrow().host());
    }

    @Test
    void rejectedStreamNeedsNoConnection() {
        SessionDescription d = parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\nm=video 0 RTP/AVP 31\n");
        assertTrue(d.media().get(0).isRejected());
    }

    @Test
    void unspecifiedIpv4AddressIsRfc2543Hold() {
        assertTrue(Connection.of("0.0.0.0").isUnspecified());
        assertFalse(Connection.of("::").isUnspecified(), "the RFC 2543 convention exists for IPv4 only");
    }

    private static SdpParseException fails(String sdp) {
        return assertThrows(SdpParseException.class, () -> new SdpParser().parse(sdp));
    }

    private static void failsWith(SdpErrorCode code, String sdp) {
        SdpParseException e = fails(sdp);
        assertEquals(code, e.error(), e.getMessage());
        assertTrue(e.getMessage().startsWith(code.code() + " "), e.getMessage());
        assertEquals(code.statusCode(), e.statusCode());
    }

    @Test
    void emptyBodyIsVxsdp001() {
        failsWith(SdpErrorCode.EMPTY, "");
        failsWith(SdpErrorCode.EMPTY, "\r\n\n  \n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=1\no=- 1 1 IN IP4 h\ns=-\nt=0 0\n", "o=- 1 1 IN IP4 h\nv=0\ns=-\nt=0 0\n",
        "v= 0\ns=-\n", "hello\n"})
    void firstLineMustBeVersionZero(String sdp) {
        failsWith(SdpErrorCode.BAD_VERSION, sdp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s =-", "S=-", " s=-", "s", "=x", "1=x"})
    void linesMustBeTypeEqualsValue(String bad) {
        SdpParseException e = fails("v=0\no=- 1 1 IN IP4 h\n" + bad + "\nt=0 0\n");
        assertEquals(SdpErrorCode.BAD_LINE, e.error());
        assertEquals(3, e.lineNumber());
        assertEquals(400, e.statusCode());
    }

    @Test
    void originSessionNameAndTimingAreRequired() {
        failsWith(SdpErrorCode.MISSING_FIELD, "v=0\ns=-\nt=0 0\n");
        failsWith(SdpErrorCode.MISSING_FIELD, "v=0\no=- 1 1 IN IP4 h\nt=0 0\n");
        failsWith(SdpErrorCode.MISSING_FIELD, "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nm=audio 1 RTP/AVP 0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"o=- 1 1 IN IP4", "o=- x 1 IN IP4 h", "o=- 1 -2 IN IP4 h", "o=- 1 1 IN IP4 h extra"})
    void malformedOriginIsVxsdp005(String origin) {
        failsWith(SdpErrorCode.BAD_ORIGIN, "v=0\n" + origin + "\ns=-\nt=0 0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"c=IN IP4", "c=IN IP4 10.0.0.1 extra", "c=IN IP4 2001:db8::1", "c=IN IP6 10.0.0.1"})
    void malformedConnectionIsVxsdp006(String c) {
        failsWith(SdpErrorCode.BAD_CONNECTION, "v=0\no=- 1 1 IN IP4 h\ns=-\n" + c + "\nt=0 0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"m=audio 4000 RTP/AVP", "m=audio x RTP/AVP 0", "m=audio 70000 RTP/AVP 0",
        "m=audio 4000/0 RTP/AVP 0", "m=audio -1 RTP/AVP 0"})
    void malformedMediaLineIsVxsdp007(String m) {
        failsWith(SdpErrorCode.BAD_MEDIA, "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nt=0 0\n" + m + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t=0", "t=now 0", "t=0 0 0"})
    void malformedTimingIsVxsdp008(String t) {
        failsWith(SdpErrorCode.BAD_TIMING, "v=0\no=- 1 1 IN IP4 h\ns=-\n" + t + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"b=AS", "b=:64", "b=AS:fast"})
    void malformedBandwidthIsVxsdp009(String b) {
        failsWith(SdpErrorCode.BAD_BANDWIDTH, "v=0\no=- 1 1 IN IP4 h\ns=-\n" + b + "\nt=0 0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=rtpmap:0", "a=rtpmap:0 PCMU", "a=rtpmap:200 X/8000", "a=rtpmap:96 opus/0",
        "a=ptime:", "a=ptime:twenty", "a=ptime:0", "a=maxptime:-5", "a=rtcp:x", "a=rtcp:5000 IN IP4",
        "a=fmtp:101", "a=:x", "a="})
    void malformedTypedAttributeIsVxsdp010(String a) {
        failsWith(SdpErrorCode.BAD_ATTRIBUTE, MINIMAL + a + "\n");
    }

    @Test
    void unknownAttributesWithOddValuesAreKept() {
        SessionDescription d = parse(MINIMAL + "a=x-custom:a:b:c\na=x-flag\na=x-empty:\n");
        List<Attribute> attributes = d.media().get(0).attributes();
        assertEquals(List.of(Attribute.of("x-custom", "a:b:c"), Attribute.flag("x-flag"), Attribute.of("x-empty", "")),
                attributes);
        assertTrue(d.encode().endsWith("a=x-custom:a:b:c\r\na=x-flag\r\na=x-empty:\r\n"));
    }

    @Test
    void activeStreamWithoutAnyConnectionIsVxsdp011() {
        failsWith(SdpErrorCode.MISSING_CONNECTION, "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=0", "o=- 2 2 IN IP4 h", "s=again", "t=0 0", "r=1d 1h 0", "u=http://x", "e=a@b",
        "p=+1", "z=0 0"})
    void sessionOnlyFieldsInsideMediaSectionAreVxsdp012(String field) {
        failsWith(SdpErrorCode.MISPLACED_FIELD, MINIMAL + field + "\n");
    }

    @Test
    void repeatedSessionFieldsAreVxsdp012() {
        failsWith(SdpErrorCode.MISPLACED_FIELD, "v=0\nv=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\n");
        failsWith(SdpErrorCode.MISPLACED_FIELD, "v=0\no=- 1 1 IN IP4 h\no=- 1 1 IN IP4 h\ns=-\nt=0 0\n");
        failsWith(SdpErrorCode.MISPLACED_FIELD, "v=0\no=- 1 1 IN IP4 h\ns=-\ns=-\nt=0 0\n");
        failsWith(SdpErrorCode.MISPLACED_FIELD, "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 h\nc=IN IP4 h\nt=0 0\n");
        failsWith(SdpErrorCode.MISPLACED_FIELD, "v=0\no=- 1 1 IN IP4 h\ns=-\nr=1d 1h 0\nt=0 0\n");
    }

    @Test
    void unknownTypeLetterIsVxsdp013() {
        failsWith(SdpErrorCode.UNKNOWN_FIELD, MINIMAL + "x=whatever\n");
    }

    @Test
    void limitsAreNamedAndEnforced() {
        SdpLimits d = SdpLimits.defaults();
        assertEquals(SdpLimits.DEFAULT_MAX_LENGTH, d.maxLength());
        assertEquals(32_768, d.maxLength());
        assertEquals(512, d.maxLines());
        assertEquals(16, d.maxMediaSections());
        assertThrows(IllegalArgumentException.class, () -> d.withMaxLines(0));

        SdpParseException big = assertThrows(SdpParseException.class,
                () -> new SdpParser(d.withMaxLength(100)).parse(text("linphone-offer.sdp")));
        assertEquals(SdpErrorCode.TOO_LARGE, big.error());
        assertEquals(413, big.statusCode());
        assertThrows(SdpParseException.class,
                () -> new SdpParser(d.withMaxLength(100)).parse(text("linphone-offer.sdp").getBytes(StandardCharsets.UTF_8)));

        SdpParseException lines = assertThrows(SdpParseException.class,
                () -> new SdpParser(d.withMaxLines(10)).parse(text("linphone-offer.sdp")));
        assertEquals(SdpErrorCode.TOO_MANY_LINES, lines.error());
        assertEquals(11, lines.lineNumber());

        String sixMedia = MINIMAL + "m=audio 4002 RTP/AVP 0\n".repeat(5);
        SdpParseException media = assertThrows(SdpParseException.class,
                () -> new SdpParser(d.withMaxMediaSections(5)).parse(sixMedia));
        assertEquals(SdpErrorCode.TOO_MANY_MEDIA, media.error());
        assertEquals(488, media.statusCode());
    }

    @Test
    void blankLinesCountTowardsTheLineLimit() {
        String padded = MINIMAL + "\n".repeat(600);
        assertEquals(SdpErrorCode.TOO_MANY_LINES, fails(padded).error());
    }

    @Test
    void everyErrorCodeIsUniqueAndSearchable() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (SdpErrorCode c : SdpErrorCode.values()) {
            assertTrue(c.code().matches("VXSDP-\\d{3}"), c.code());
            assertTrue(seen.add(c.code()), "duplicate " + c.code());
        }
    }

    @Test
    void truncatedAndMutatedBodiesFailWithATypedErrorOrParse() {
        String full = crlf(text("audio-video-offer.sdp"));
        for (int cut = 0; cut < full.length(); cut++) {
            assertTypedOutcome(full.substring(0, cut));
        }
        for (int i = 0; i < full.length(); i++) {
            for (char c : new char[] {' ', '=', ':', '/', '\n', 'x', '9'}) {
                assertTypedOutcome(full.substring(0, i) + c + full.substring(i + 1));
            }
        }
    }

    private static void assertTypedOutcome(String sdp) {
        try {
            SessionDescription d = new SdpParser().parse(sdp);
            assertEquals(d, new SdpParser().parse(d.encode()), "re-encoded SDP parses to the same value");
        } catch (SdpParseException e) {
            assertTrue(e.statusCode() == 400 || e.statusCode() == 413 || e.statusCode() == 488, e.getMessage());
        }
    }
}
