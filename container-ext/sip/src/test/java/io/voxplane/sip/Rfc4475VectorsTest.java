package io.voxplane.sip;

import static io.voxplane.sip.Fixtures.rfc4475;
import static io.voxplane.sip.VectorAssertions.errorResponse;
import static io.voxplane.sip.VectorAssertions.framingLostOnStream;
import static io.voxplane.sip.VectorAssertions.rawErrorLines;
import static io.voxplane.sip.VectorAssertions.rejected;
import static io.voxplane.sip.VectorAssertions.request;
import static io.voxplane.sip.VectorAssertions.response;
import static io.voxplane.sip.VectorAssertions.validate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voxplane.sip.RequestValidator.Config;
import io.voxplane.sip.RequestValidator.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One test per RFC 4475 torture message, checking the outcome listed in the testdata README and the
 * fields the RFC draws attention to. Every message that parses is also round-tripped.
 */
class Rfc4475VectorsTest {

    private static final Config UA = Config.ua();
    private static final Config PROXY = Config.proxy();
    private static final Config REGISTRAR = Config.registrar();

    // ------------------------------------------------------------ 3.1.1 valid messages

    @Test
    void wsinv_shortTortuousInviteParses() {
        SipRequest r = request(rfc4475("wsinv"));
        assertEquals("INVITE", r.method());
        SipUri ruri = assertInstanceOf(SipUri.class, r.requestUri());
        assertEquals("vivekg", ruri.user());
        assertEquals("chair-dnrc.example.com", ruri.host());
        assertTrue(ruri.parameters().has("unknownparam"));
        assertEquals("1918181833n", r.to().tag().orElseThrow());
        assertEquals("sip:vivekg@chair-dnrc.example.com", r.to().uri().toString());
        assertEquals("J Rosenberg \\\"", r.from().displayName());
        assertEquals("98asjd8", r.from().tag().orElseThrow());
        assertEquals(68, r.maxForwards().getAsInt());
        assertEquals("wsinv.ndaksdj@192.0.2.1", r.callId());
        assertEquals(new CSeq(9, "INVITE"), r.cseq());
        assertEquals(3, r.vias().size());
        assertEquals(new Via("UDP", "192.0.2.2", -1, Parameters.empty().with("branch", "390skdjuw")), r.vias().get(0));
        assertEquals("TCP", r.vias().get(1).transport());
        assertEquals("spindle.example.com", r.vias().get(1).host());
        assertEquals("z9hG4bK9ikj8", r.vias().get(1).branch().orElseThrow());
        assertEquals("192.168.255.111", r.vias().get(2).host());
        assertEquals("z9hG4bK30239", r.vias().get(2).branch().orElseThrow());
        assertEquals("", r.header("Subject").orElseThrow());
        assertEquals("newfangled value continued newfangled value", r.header("NewFangledHeader").orElseThrow());
        assertEquals(";;,,;;,;", r.header("UnknownHeaderWithUnusualValue").orElseThrow());
        assertEquals(1, r.routes().size());
        SipUri route = (SipUri) r.routes().get(0).uri();
        assertTrue(route.lr());
        assertEquals("value", route.parameters().get("unknownwith").orElseThrow());
        assertTrue(route.parameters().has("unknown-no-value"));
        Address contact = r.contacts().get(0);
        assertEquals("Quoted string \"\"", contact.displayName());
        assertEquals("newvalue", contact.parameters().get("newparam").orElseThrow());
        assertTrue(contact.parameters().has("secondparam"));
        assertEquals("0.33", contact.parameters().get("q").orElseThrow());
        assertEquals("application/sdp", r.contentType().orElseThrow());
        assertEquals(150, r.body().length);
        assertTrue(validate(r, UA).isEmpty());
    }

    @Test
    void intmeth_wideRangeOfValidCharactersParsesAndUaAnswers501() {
        SipRequest r = request(rfc4475("intmeth"));
        assertEquals("!interesting-Method0123456789_*+`.%indeed'~", r.method());
        assertEquals(r.method(), r.cseq().method());
        SipUri ruri = (SipUri) r.requestUri();
        assertEquals("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", ruri.user());
        assertEquals("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", ruri.password());
        assertEquals("example.com", ruri.host());
        assertEquals("BEL:\u0007 NUL:\u0000 DEL:\u007f", r.to().displayName());
        assertEquals("token1~` token2'+_ token3*%!.-", r.from().displayName());
        assertEquals("\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\"",
                r.from().parameters().get("fromParam''~+*_!.-%").orElseThrow());
        assertEquals("_token~1'+`*%!-.", r.from().tag().orElseThrow());
        assertEquals("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", r.callId());
        assertEquals(255, r.maxForwards().getAsInt());
        assertEquals("\uFEFF\u5927\u505C\u96FB", r.header("extensionHeader-!.%*+_`'~").orElseThrow());
        Rejection rej = validate(r, UA).orElseThrow();
        assertEquals(SipErrorCode.METHOD_NOT_IMPLEMENTED, rej.error());
        assertEquals(501, rej.status());
        assertTrue(rej.response().header("Allow").orElseThrow().contains("INVITE"));
        assertTrue(validate(r, PROXY).isEmpty());
    }

    @Test
    void esc01_escapedUriCharactersAreDecodedForComparison() {
        SipRequest r = request(rfc4475("esc01"));
        SipUri ruri = (SipUri) r.requestUri();
        assertEquals("sips%3Auser%40example.com", ruri.user());
        assertEquals("sips:user@example.com", ruri.decodedUser());
        assertEquals("example.net", ruri.host());
        SipUri to = (SipUri) r.to().uri();
        assertEquals("%75se%72", to.user());
        assertEquals(SipUri.builder().user("user").host("example.com").build(), to);
        assertEquals("I have spaces", ((SipUri) r.from().uri()).decodedUser());
        assertEquals("esc01.239409asdfakjkn23onasd0-3234", r.callId());
        SipUri contact = (SipUri) r.contacts().get(0).uri();
        assertEquals("caller", contact.decodedUser());
        assertTrue(contact.parameters().has("%6C%72"));
        assertEquals("v%61lue%25%34%31", contact.parameters().get("n%61me").orElseThrow());
        assertEquals("application/sdp", r.contentType().orElseThrow());
    }

    @Test
    void escnull_escapedNullsDoNotTruncateUserAndTwoContactsDiffer() {
        SipRequest r = request(rfc4475("escnull"));
        SipUri to = (SipUri) r.to().uri();
        assertEquals("null-%00-null", to.user());
        assertEquals("null-\u0000-null", to.decodedUser());
        assertEquals(2, r.contacts().size());
        SipUri c1 = (SipUri) r.contacts().get(0).uri();
        SipUri c2 = (SipUri) r.contacts().get(1).uri();
        assertEquals("%00", c1.user());
        assertEquals("%00%00", c2.user());
        assertNotEquals(c1, c2);
        assertEquals(0, r.body().length);
    }

    @Test
    void esc02_percentInMethodIsAnUnknownMethodAndUaAnswers501() {
        SipRequest r = request(rfc4475("esc02"));
        assertEquals("RE%47IST%45R", r.method());
        assertNotEquals(SipMethod.REGISTER, r.method());
        assertEquals("%Z%45", r.to().displayName());
        assertEquals("z9hG4bK209%fzsnel234", r.topVia().branch().orElseThrow());
        assertEquals(2, r.contacts().size());
        assertEquals("<sip:alias2@host2.example.com>", r.header("C%6Fntact").orElseThrow());
        Rejection rej = validate(r, UA).orElseThrow();
        assertEquals(501, rej.status());
        assertTrue(rej.response().header("Allow").isPresent());
        assertTrue(validate(r, PROXY).isEmpty());
    }

    @Test
    void lwsdisp_noSpaceBetweenDisplayNameAndBracketIsAccepted() {
        SipRequest r = request(rfc4475("lwsdisp"));
        assertEquals("caller", r.from().displayName());
        assertEquals("sip:caller@example.com", r.from().uri().toString());
        assertEquals("323", r.from().tag().orElseThrow());
    }

    @Test
    void longreq_longValuesAndManyViasParse() {
        SipRequest r = request(rfc4475("longreq"));
        assertTrue(r.to().displayName().startsWith("I have a user name of extremeextreme"));
        SipUri to = (SipUri) r.to().uri();
        assertEquals(6000, to.port());
        assertTrue(to.parameters().get("unknownparam1").orElseThrow().startsWith("verylonglong"));
        assertTrue(((SipUri) r.from().uri()).user().startsWith("amazinglylongcallername"));
        assertTrue(r.callId().startsWith("longreq.onereallyreallyreally"));
        assertEquals(34, r.vias().size());
        assertEquals("sip33.example.com", r.topVia().host());
        assertEquals("host.example.com", r.vias().get(33).host());
        assertTrue(r.vias().get(33).branch().orElseThrow().startsWith("verylonglong"));
        assertEquals(150, r.body().length);
    }

    @Test
    void dblreq_registerParsesAndTrailingInviteBytesAreIgnored() {
        byte[] data = rfc4475("dblreq");
        SipRequest r = request(data);
        assertEquals("REGISTER", r.method());
        assertEquals("dblreq.0ha0isndaksdj99sdfafnl3lk233412", r.callId());
        assertEquals(0, r.body().length);
        assertEquals(1, r.contacts().size());
        assertFalse(r.toString().contains("INVITE"));
    }

    @Test
    void semiuri_userPartWithSemicolonsAndEscapedAt() {
        SipRequest r = request(rfc4475("semiuri"));
        SipUri ruri = (SipUri) r.requestUri();
        assertEquals("user;par=u%40example.net", ruri.user());
        assertEquals("user;par=u@example.net", ruri.decodedUser());
        assertEquals("example.com", ruri.host());
        assertTrue(ruri.parameters().isEmpty());
        assertEquals(List.of("application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed",
                "message/sip", "message/sipfrag"), r.headerTokens("Accept"));
    }

    @Test
    void transports_unknownTransportTokensAreKept() {
        SipRequest r = request(rfc4475("transports"));
        assertEquals(List.of("UDP", "SCTP", "TLS", "UNKNOWN", "TCP"),
                r.vias().stream().map(Via::transport).toList());
        assertEquals("transports.kijh4akdnaqjkwendsasfdj", r.callId());
    }

    @Test
    void mpart01_binaryMultipartBodyIsKeptByteForByte() {
        byte[] data = rfc4475("mpart01");
        SipRequest r = request(data);
        assertEquals("MESSAGE", r.method());
        int bodyStart = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        assertArrayEquals(Arrays.copyOfRange(data, bodyStart, data.length), r.body());
        assertEquals(553, r.body().length);
        assertTrue(r.contentType().orElseThrow().startsWith("multipart/mixed"));
        assertEquals("binary", r.header("Content-Transfer-Encoding").orElseThrow());
        assertTrue(r.topVia().hasRport());
        assertTrue(r.topVia().rport().isEmpty());
    }

    @Test
    void unreason_utf8ReasonPhraseParses() {
        SipResponse r = response(rfc4475("unreason"));
        assertEquals(200, r.status());
        assertEquals("= 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u043d\u043e\u0441\u0442\u043e"
                + " \u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e\u0441\u0442\u043e\u0435", r.reason());
        assertEquals(154, r.body().length);
    }

    @Test
    void noreason_emptyReasonPhraseParses() {
        SipResponse r = response(rfc4475("noreason"));
        assertEquals(100, r.status());
        assertEquals("", r.reason());
        assertTrue(r.isProvisional());
    }

    // ------------------------------------------------------------ 3.1.2 invalid messages

    @Test
    void badinv01_emptyViaAndContactParametersAreRejected() {
        SipParseException e = rejected(rfc4475("badinv01"), SipErrorCode.BAD_VIA, 400);
        assertEquals("Bad Request (Invalid Via)", e.reasonPhrase());
        // the typed model cannot hold that Via, but read leniently it still says where to answer
        assertEquals(List.of("SIP/2.0 400 Bad Request (Invalid Via)",
                "Via: SIP/2.0/UDP 192.0.2.15;;,;,,",
                "From: sip:caller@example.net;tag=134161461246",
                "To: sip:j.user@example.com",
                "Call-ID: badinv01.0ha0isndaksdjasdf3234nas",
                "CSeq: 8 INVITE",
                "Content-Length: 0"), rawErrorLines(e, 400));
        Via top = e.rawErrorResponse().orElseThrow().topVia();
        assertEquals("192.0.2.15", top.host());
        assertEquals(-1, top.port());
        assertEquals("UDP", top.transport());
    }

    @Test
    void clerr_contentLengthLargerThanDatagramIs400AndLosesStreamFraming() {
        SipParseException e = rejected(rfc4475("clerr"), SipErrorCode.BODY_TRUNCATED, 400);
        SipResponse resp = errorResponse(e, 400);
        assertEquals("clerr.0ha0isndaksdjweiafasdk3", resp.callId());
        // on a stream the framer waits for the 9999 bytes; when the stream ends, framing is lost
        StreamFramer framer = new StreamFramer(SipLimits.defaults());
        byte[] data = rfc4475("clerr");
        framer.append(data, 0, data.length);
        assertNull(assertDoesNotThrowNext(framer));
        framingLostOnStream(data, SipErrorCode.TRUNCATED);
    }

    @Test
    void ncl_negativeContentLengthIs400AndLosesStreamFraming() {
        SipParseException e = rejected(rfc4475("ncl"), SipErrorCode.BAD_CONTENT_LENGTH, 400);
        errorResponse(e, 400);
        assertFalse(e.framingLost());
        framingLostOnStream(rfc4475("ncl"), SipErrorCode.BAD_CONTENT_LENGTH);
    }

    @Test
    void scalar02_overlargeCSeqIs400() {
        SipParseException e = rejected(rfc4475("scalar02"), SipErrorCode.BAD_CSEQ, 400);
        assertEquals("Bad Request (Invalid CSeq)", e.reasonPhrase());
        assertTrue(e.isRequest());
        // the CSeq is copied as received, so the answer is itself not a valid response: check its lines
        assertEquals(List.of("SIP/2.0 400 Bad Request (Invalid CSeq)",
                "Via: SIP/2.0/TCP host129.example.com;branch=z9hG4bK342sdfoi3",
                "From: <sip:user@example.com>;tag=239232jh3",
                "To: <sip:user@example.com>",
                "Call-ID: scalar02.23o0pd9vanlq3wnrlnewofjas9ui32",
                "CSeq: 36893488147419103232 REGISTER",
                "Content-Length: 0"), rawErrorLines(e, 400));
        assertEquals("z9hG4bK342sdfoi3", e.rawErrorResponse().orElseThrow().topVia().branch().orElseThrow());
    }

    @Test
    void scalarlg_responseWithOverlargeScalarsIsDiscarded() {
        SipParseException e = rejected(rfc4475("scalarlg"), SipErrorCode.BAD_CSEQ, 0);
        assertFalse(e.isRequest());
        assertTrue(e.errorResponse().isEmpty());
    }

    @Test
    void quotbal_unterminatedQuotedDisplayNameIs400() {
        SipParseException e = rejected(rfc4475("quotbal"), SipErrorCode.UNTERMINATED_QUOTE, 400);
        assertEquals("Bad Request (Unterminated quoted string in To)", e.reasonPhrase());
        assertEquals(List.of("SIP/2.0 400 Bad Request (Unterminated quoted string in To)",
                "Via: SIP/2.0/UDP 192.0.2.59:5050;branch=z9hG4bKkdjuw39234",
                "From: sip:caller@example.net;tag=93334",
                "To: \"Mr. J. User <sip:j.user@example.com>",
                "Call-ID: quotbal.aksdj",
                "CSeq: 8 INVITE",
                "Content-Length: 0"), rawErrorLines(e, 400));
        assertEquals(5050, e.rawErrorResponse().orElseThrow().topVia().port());
    }

    @Test
    void ltgtruri_bracketedRequestUriIs400() {
        SipParseException e = rejected(rfc4475("ltgtruri"), SipErrorCode.BAD_REQUEST_URI, 400);
        assertEquals("ltgtruri.1@192.0.2.5", errorResponse(e, 400).callId());
    }

    @Test
    void lwsruri_whitespaceInsideRequestUriIs400() {
        SipParseException e = rejected(rfc4475("lwsruri"), SipErrorCode.BAD_REQUEST_LINE, 400);
        errorResponse(e, 400);
    }

    @Test
    void lwsstart_multipleSpacesInRequestLineAre400() {
        SipParseException e = rejected(rfc4475("lwsstart"), SipErrorCode.BAD_REQUEST_LINE, 400);
        assertEquals("Bad Request (Malformed Request-Line)", errorResponse(e, 400).reason());
    }

    @Test
    void trws_trailingSpacesAfterVersionAre400() {
        SipParseException e = rejected(rfc4475("trws"), SipErrorCode.BAD_REQUEST_LINE, 400);
        errorResponse(e, 400);
    }

    @Test
    void escruri_headersInRequestUriAre400() {
        SipParseException e = rejected(rfc4475("escruri"), SipErrorCode.BAD_REQUEST_URI, 400);
        errorResponse(e, 400);
    }

    @Test
    void baddate_nonGmtDateIsKeptVerbatimBecauseDateIsNotUsed() {
        SipRequest r = request(rfc4475("baddate"));
        assertEquals("Fri, 01 Jan 2010 16:00:00 EST", r.header("Date").orElseThrow());
        assertEquals(150, r.body().length);
    }

    @Test
    void regbadct_contactUriWithHeadersOutsideBracketsIs400() {
        SipParseException e = rejected(rfc4475("regbadct"), SipErrorCode.BAD_ADDRESS, 400);
        assertEquals("regbadct.k345asrl3fdbv@10.0.0.1", errorResponse(e, 400).callId());
    }

    @Test
    void badaspec_spacesInsideAddrSpecAre400WithoutCrash() {
        SipParseException e = rejected(rfc4475("badaspec"), SipErrorCode.BAD_ADDRESS, 400);
        // To itself is unreadable, so only its own bytes can be copied
        List<String> lines = rawErrorLines(e, 400);
        assertEquals(List.of(
                "Via: SIP/2.0/UDP host4.example.com:5060;branch=z9hG4bKkdju43234",
                "From: \"Bell, Alexander\" <sip:a.g.bell@example.com>;tag=433423",
                "To: \"Watson, Thomas\" < sip:t.watson@example.org >",
                "Call-ID: badaspec.sdf0234n2nds0a099u23h3hnnw009cdkne3",
                "CSeq: 3923239 OPTIONS",
                "Content-Length: 0"), lines.subList(1, lines.size()));
    }

    @Test
    void baddn_unquotedCommaInDisplayNameIs400() {
        // the archive lacks the blank line ending the headers: as it is, the message is truncated
        SipParseException asIs = rejected(rfc4475("baddn"), SipErrorCode.TRUNCATED, 400);
        byte[] fixed = concat(rfc4475("baddn"), "\r\n".getBytes(StandardCharsets.US_ASCII));
        SipParseException e = rejected(fixed, SipErrorCode.BAD_ADDRESS, 400);
        assertEquals("Bad Request (Invalid address in From)", e.reasonPhrase());
        List<String> copied = List.of(
                "Via:     SIP/2.0/UDP c.example.com:5060;branch=z9hG4bKkdjuw",
                "From:    Bell, Alexander <sip:a.g.bell@example.com>;tag=43",
                "To:      Watson, Thomas <sip:t.watson@example.org>",
                "Call-ID: baddn.31415@c.example.com",
                "CSeq:    3923239 OPTIONS",
                "Content-Length: 0");
        List<String> lines = rawErrorLines(e, 400);
        assertEquals(copied, lines.subList(1, lines.size()));
        // both readings are answered the same way, only the reason differs
        List<String> asIsLines = rawErrorLines(asIs, 400);
        assertEquals(copied, asIsLines.subList(1, asIsLines.size()));
    }

    @Test
    void badvers_unknownVersionIs505() {
        SipParseException e = rejected(rfc4475("badvers"), SipErrorCode.VERSION_NOT_SUPPORTED, 505);
        assertEquals("Version Not Supported", e.reasonPhrase());
        SipResponse resp = errorResponse(e, 505);
        assertEquals("c.example.com", resp.topVia().host());
        assertEquals(new CSeq(1, "OPTIONS"), resp.cseq());
    }

    @Test
    void mismatch01_cseqMethodDifferentFromRequestLineIs400() {
        SipParseException e = rejected(rfc4475("mismatch01"), SipErrorCode.CSEQ_METHOD_MISMATCH, 400);
        errorResponse(e, 400);
    }

    @Test
    void mismatch02_unknownMethodWithCseqMismatchIs501() {
        SipParseException e = rejected(rfc4475("mismatch02"), SipErrorCode.UNKNOWN_METHOD_MISMATCH, 501);
        errorResponse(e, 501);
    }

    @Test
    void bigcode_overlargeStatusCodeIsDiscarded() {
        SipParseException e = rejected(rfc4475("bigcode"), SipErrorCode.BAD_STATUS_LINE, 0);
        assertFalse(e.isRequest());
        assertEquals("", e.reasonPhrase());
    }

    // ------------------------------------------------------------ 3.2 transaction layer

    @Test
    void badbranch_bareMagicCookieIsNotAnRfc3261Branch() {
        SipRequest r = request(rfc4475("badbranch"));
        assertEquals("z9hG4bK", r.topVia().branch().orElseThrow());
        assertFalse(r.topVia().hasRfc3261Branch());
    }

    // ------------------------------------------------------------ 3.3 application layer

    @Test
    void insuf_missingCallIdFromToIs400NamingThem() {
        SipParseException e = rejected(rfc4475("insuf"), SipErrorCode.MISSING_HEADER, 400);
        assertEquals("Bad Request (Missing From, To, Call-ID)", e.reasonPhrase());
        // RFC 4475 s3.3.1 asks for a 400 anyway: it carries the Via and what exists
        assertEquals(List.of("SIP/2.0 400 Bad Request (Missing From, To, Call-ID)",
                "Via: SIP/2.0/UDP 192.0.2.95;branch=z9hG4bKkdj.insuf",
                "CSeq: 193942 INVITE",
                "Content-Length: 0"), rawErrorLines(e, 400));
    }

    @Test
    void unkscm_unknownRequestUriSchemeParsesAndIsAnswered416() {
        SipRequest r = request(rfc4475("unkscm"));
        AbsoluteUri uri = assertInstanceOf(AbsoluteUri.class, r.requestUri());
        assertEquals("nobodyknowsthisscheme", uri.scheme());
        assertEquals("nobodyKnowsThisScheme:totallyopaquecontent", uri.toString());
        assertEquals(416, validate(r, UA).orElseThrow().status());
        Rejection rej = validate(r, PROXY).orElseThrow();
        assertEquals(SipErrorCode.UNSUPPORTED_URI_SCHEME, rej.error());
        assertEquals("Unsupported URI Scheme", rej.response().reason());
    }

    @Test
    void novelsc_atypicalSchemeParsesAnd416WhenNotServed() {
        SipRequest r = request(rfc4475("novelsc"));
        assertEquals("soap.beep", r.requestUri().scheme());
        assertEquals("soap.beep://192.0.2.103:3002", r.requestUri().toString());
        assertEquals(416, validate(r, UA).orElseThrow().status());
        Config beep = new Config(RequestValidator.Role.UA, UA.supportedOptionTags(), UA.allowedMethods(),
                java.util.Set.of("sip", "soap.beep"), UA.acceptedContentTypes(), UA.answerContentTypes(), "x");
        assertTrue(validate(r, beep).isEmpty());
    }

    @Test
    void unksm2_unknownSchemesInHeadersParseAndRegistrarAnswers400() {
        SipRequest r = request(rfc4475("unksm2"));
        assertEquals("isbn:2983792873", r.to().uri().toString());
        assertEquals("http", r.from().uri().scheme());
        assertEquals("3234233", r.from().tag().orElseThrow());
        assertEquals("name:John_Smith", r.contacts().get(0).uri().toString());
        assertTrue(validate(r, PROXY).isEmpty());
        Rejection rej = validate(r, REGISTRAR).orElseThrow();
        assertEquals(SipErrorCode.BAD_ADDRESS_OF_RECORD, rej.error());
        assertEquals(400, rej.status());
    }

    @Test
    void bext01_unsupportedRequireAndProxyRequireAnswer420ListingTags() {
        SipRequest r = request(rfc4475("bext01"));
        assertEquals(List.of("nothingSupportsThis", "nothingSupportsThisEither"), r.require());
        assertEquals(List.of("noProxiesSupportThis", "norDoAnyProxiesSupportThis"), r.proxyRequire());
        Rejection ua = validate(r, UA).orElseThrow();
        assertEquals(420, ua.status());
        assertEquals(List.of("nothingSupportsThis", "nothingSupportsThisEither"), ua.response().unsupported());
        Rejection proxy = validate(r, PROXY).orElseThrow();
        assertEquals(SipErrorCode.BAD_EXTENSION, proxy.error());
        assertEquals(List.of("noProxiesSupportThis", "norDoAnyProxiesSupportThis"), proxy.response().unsupported());
    }

    @Test
    void invut_unknownContentTypeIs415AtUaOnly() {
        SipRequest r = request(rfc4475("invut"));
        assertEquals("application/unknownformat", r.contentType().orElseThrow());
        assertEquals(40, r.body().length);
        Rejection rej = validate(r, UA).orElseThrow();
        assertEquals(415, rej.status());
        assertTrue(rej.response().header("Accept").orElseThrow().contains("application/sdp"));
        assertTrue(validate(r, PROXY).isEmpty());
    }

    @Test
    void regaut01_unknownAuthorizationSchemeParses() {
        SipRequest r = request(rfc4475("regaut01"));
        AuthValue auth = r.authorization().orElseThrow();
        assertEquals("NoOneKnowsThisScheme", auth.scheme());
        assertEquals("here", auth.parameter("opaque-data").orElseThrow());
        assertEquals("NoOneKnowsThisScheme opaque-data=here", auth.toString());
        assertTrue(validate(r, REGISTRAR).isEmpty());
        assertEquals(405, validate(r, UA).orElseThrow().status());
        assertTrue(validate(r, PROXY).isEmpty());
    }

    @Test
    void multi01_repeatedSingleValueHeadersAre400() {
        SipParseException e = rejected(rfc4475("multi01"), SipErrorCode.DUPLICATE_HEADER, 400);
        assertTrue(e.reasonPhrase().startsWith("Bad Request (Multiple "), e.reasonPhrase());
        errorResponse(e, 400);
    }

    @Test
    void mcl01_multipleContentLengthsAre400AndLoseStreamFraming() {
        SipParseException e = rejected(rfc4475("mcl01"), SipErrorCode.MULTIPLE_CONTENT_LENGTH, 400);
        errorResponse(e, 400);
        framingLostOnStream(rfc4475("mcl01"), SipErrorCode.MULTIPLE_CONTENT_LENGTH);
    }

    @Test
    void bcast_broadcastViaInResponseParses() {
        SipResponse r = response(rfc4475("bcast"));
        assertEquals(200, r.status());
        assertEquals("255.255.255.255", r.vias().get(1).host());
    }

    @Test
    void zeromf_maxForwardsZeroIs483AtProxyAndFineAtUa() {
        SipRequest r = request(rfc4475("zeromf"));
        assertEquals(0, r.maxForwards().getAsInt());
        Rejection rej = validate(r, PROXY).orElseThrow();
        assertEquals(483, rej.status());
        assertEquals(SipErrorCode.TOO_MANY_HOPS, rej.error());
        assertTrue(validate(r, UA).isEmpty());
    }

    @Test
    void cparam01_addrSpecParameterIsAContactParameter() {
        SipRequest r = request(rfc4475("cparam01"));
        Address c = r.contacts().get(0);
        assertTrue(c.parameters().has("unknownparam"));
        assertTrue(((SipUri) c.uri()).parameters().isEmpty());
        assertEquals("<sip:+19725552222@gw1.example.net>;unknownparam", c.toString());
    }

    @Test
    void cparam02_bracketedParameterStaysAUriParameter() {
        SipRequest r = request(rfc4475("cparam02"));
        Address c = r.contacts().get(0);
        assertTrue(c.parameters().isEmpty());
        assertTrue(((SipUri) c.uri()).parameters().has("unknownparam"));
    }

    @Test
    void regescrt_contactKeepsItsEscapedRouteHeader() {
        SipRequest r = request(rfc4475("regescrt"));
        SipUri c = (SipUri) r.contacts().get(0).uri();
        assertEquals("%3Csip:sip.example.com%3E", c.headers().get("Route").orElseThrow());
        assertEquals("sip:user@example.com?Route=%3Csip:sip.example.com%3E", c.toString());
        assertEquals("sip:user@example.com", c.withoutHeaders().toString());
    }

    @Test
    void sdp01_acceptWithoutSdpIs406WithWarning() {
        SipRequest r = request(rfc4475("sdp01"));
        Rejection rej = validate(r, UA).orElseThrow();
        assertEquals(406, rej.status());
        assertEquals(SipErrorCode.NOT_ACCEPTABLE, rej.error());
        assertTrue(rej.response().header("Warning").orElseThrow().startsWith("399 "));
        assertTrue(validate(r, PROXY).isEmpty());
    }

    // ------------------------------------------------------------ 3.4 backward compatibility

    @Test
    void inv2543_rfc2543InviteWithoutContentLengthTakesBodyToEnd() {
        byte[] data = rfc4475("inv2543");
        SipRequest r = request(data);
        assertTrue(r.maxForwards().isEmpty());
        assertTrue(r.from().tag().isEmpty());
        assertTrue(r.topVia().branch().isEmpty());
        assertFalse(r.topVia().hasRfc3261Branch());
        int bodyStart = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        assertArrayEquals(Arrays.copyOfRange(data, bodyStart, data.length), r.body());
        assertEquals("ss1.example.com", ((SipUri) r.recordRoutes().get(0).uri()).maddr().orElseThrow());
        // addr-spec without <>: ";user=phone" belongs to the header (s20.10); inside <> it is a URI parameter
        assertEquals("phone", r.to().parameters().get("user").orElseThrow());
        assertEquals("phone", ((SipUri) r.from().uri()).parameters().get("user").orElseThrow());
        // serialising adds the Content-Length the message lacked
        assertTrue(r.toString().contains("Content-Length: " + r.body().length + "\r\n"));
    }

    // ------------------------------------------------------------ helpers

    private static byte[] assertDoesNotThrowNext(StreamFramer framer) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(framer::next);
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (data[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @SuppressWarnings("unused")
    private static Optional<String> none() {
        return Optional.empty();
    }
}
