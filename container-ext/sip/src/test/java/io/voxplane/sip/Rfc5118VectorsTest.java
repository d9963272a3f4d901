package io.voxplane.sip;

import static io.voxplane.sip.Fixtures.rfc5118;
import static io.voxplane.sip.VectorAssertions.errorResponse;
import static io.voxplane.sip.VectorAssertions.rejected;
import static io.voxplane.sip.VectorAssertions.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * One test per RFC 5118 IPv6 torture message. The archive uses bare LF; {@link Fixtures#rfc5118}
 * converts to CRLF. Three files declare a wrong Content-Length and the two s4.10 files lack the final
 * empty line: those are fixed here as the testdata README describes.
 */
class Rfc5118VectorsTest {

    @Test
    void ipv6Good_bracketedReferencesInRequestUriViaAndContact() {
        SipRequest r = request(rfc5118("4.1-ipv6-good"));
        SipUri ruri = (SipUri) r.requestUri();
        assertEquals("[2001:db8::10]", ruri.host());
        assertEquals(-1, ruri.port());
        assertEquals("[2001:db8::9:1]", r.topVia().host());
        assertEquals("[2001:db8::1]", ((SipUri) r.contacts().get(0).uri()).host());
        assertEquals("Caller", r.contacts().get(0).displayName());
    }

    @Test
    void ipv6Bad_unbracketedIpv6RequestUriIs400() {
        SipParseException e = rejected(rfc5118("4.2-ipv6-bad"), SipErrorCode.BAD_REQUEST_URI, 400);
        errorResponse(e, 400);
    }

    @Test
    void portAmbiguous_wholeBracketIsTheAddressAndThereIsNoPort() {
        SipRequest r = request(rfc5118("4.3-port-ambiguous"));
        SipUri ruri = (SipUri) r.requestUri();
        assertEquals("[2001:db8::10:5070]", ruri.host());
        assertEquals(-1, ruri.port());
    }

    @Test
    void portUnambiguous_portAfterTheBracket() {
        SipRequest r = request(rfc5118("4.4-port-unambiguous"));
        SipUri ruri = (SipUri) r.requestUri();
        assertEquals("[2001:db8::10]", ruri.host());
        assertEquals(5070, ruri.port());
        assertEquals("[2001:db8::10]:5070", ruri.hostPort());
    }

    @Test
    void viaReceivedWithDelimiters_bracketedReceivedIsAccepted() {
        SipRequest r = request(rfc5118("4.5-via-received-param-with-delim"));
        assertEquals("[2001:db8::9:255]", r.topVia().received().orElseThrow());
        assertEquals("z9hG4bKas3-111", r.topVia().branch().orElseThrow());
        assertEquals("BYE", r.method());
    }

    @Test
    void viaReceivedWithoutDelimiters_bareIpv6ReceivedIsAccepted() {
        SipRequest r = request(rfc5118("4.5-via-received-param-no-delim"));
        assertEquals("2001:db8::9:255", r.topVia().received().orElseThrow());
        assertEquals("z9hG4bKas3", r.topVia().branch().orElseThrow());
    }

    @Test
    void ipv6InSdp_bodyWithUnbracketedAddressesIsFramedByFixedContentLength() {
        byte[] data = fixContentLength(rfc5118("4.6-ipv6-in-sdp"));
        SipRequest r = request(data);
        String sdp = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(sdp.contains("c=IN IP6 2001:db8::20\r\n"), sdp);
        assertEquals(251, r.body().length);
        assertEquals("[2001:db8::20]", r.topVia().host());
    }

    @Test
    void multipleIpInHeaders_mixedIpv6AndIpv4Vias() {
        SipRequest r = request(rfc5118("4.7-mult-ip-in-header"));
        assertEquals(3, r.vias().size());
        assertEquals("[2001:db8::9:1]", r.vias().get(0).host());
        assertEquals(6050, r.vias().get(0).port());
        assertEquals("192.0.2.1", r.vias().get(1).host());
        assertEquals("[2001:db8::9:255]", r.vias().get(2).host());
        assertEquals("192.0.2.200", r.vias().get(2).received().orElseThrow());
        assertEquals("TCP", r.vias().get(2).transport());
    }

    @Test
    void multipleIpInSdp_ipv4AndIpv6MediaStreams() {
        SipRequest r = request(fixContentLength(rfc5118("4.8-mult-ip-in-sdp")));
        String sdp = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(189, r.body().length);
        assertTrue(sdp.contains("IN IP4"), sdp);
        assertTrue(sdp.contains("IN IP6 2001:db8::1"), sdp);
    }

    @Test
    void ipv4MappedIpv6_mappedAddressesInViaAndContact() {
        SipRequest r = request(fixContentLength(rfc5118("4.9-ipv4-mapped-ipv6")));
        assertEquals("[::ffff:192.0.2.10]", r.topVia().host());
        assertEquals(19823, r.topVia().port());
        assertEquals("[::ffff:192.0.2.2]", r.vias().get(1).host());
        assertEquals("[::ffff:192.0.2.2]", ((SipUri) r.contacts().get(0).uri()).host());
        assertEquals("T. desk phone", r.contacts().get(0).displayName());
        assertEquals(245, r.body().length);
    }

    @Test
    void ipv6BugAbnfThreeColons_toleratedPerRobustnessPrinciple() {
        byte[] data = withFinalCrlf(rfc5118("4.10-ipv6-bug-abnf-3-colons"));
        SipRequest r = request(data);
        assertEquals("[2001:db8:::192.0.2.1]", ((SipUri) r.requestUri()).host());
        assertEquals("[2001:db8:::192.0.2.1]", ((SipUri) r.to().uri()).host());
    }

    @Test
    void ipv6CorrectAbnfTwoColons_parses() {
        byte[] data = withFinalCrlf(rfc5118("4.10-ipv6-correct-abnf-2-colons"));
        SipRequest r = request(data);
        assertEquals("[2001:db8::192.0.2.1]", ((SipUri) r.requestUri()).host());
        assertEquals("user", ((SipUri) r.to().uri()).user());
        // without the missing empty line the message is truncated
        rejected(rfc5118("4.10-ipv6-correct-abnf-2-colons"), SipErrorCode.TRUNCATED, 400);
    }

    /** Sets Content-Length to the real body length (three files in the archive declare a wrong one). */
    static byte[] fixContentLength(byte[] data) {
        String s = new String(data, StandardCharsets.ISO_8859_1);
        int split = s.indexOf("\r\n\r\n") + 4;
        int bodyLength = s.length() - split;
        String head = s.substring(0, split).replaceAll("Content-Length: \\d+", "Content-Length: " + bodyLength);
        return (head + s.substring(split)).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] withFinalCrlf(byte[] data) {
        return Rfc4475VectorsTest.concat(data, "\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
