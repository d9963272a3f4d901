package io.voxplane.sip.sdp;

import static io.voxplane.sip.sdp.SdpFixtures.fixture;
import static io.voxplane.sip.sdp.SdpFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SdpNegotiatorTest {

    private static final LocalAudio LOCAL = LocalAudio.of("10.0.0.5", 20000);

    private final SdpNegotiator negotiator = new SdpNegotiator("voxplane", 1000);

    private static String offer(String mediaAndAttributes) {
        return "v=0\r\no=peer 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" + mediaAndAttributes;
    }

    private SdpAnswer answer(String sdp) throws SdpNegotiationException {
        return negotiator.answer(parse(sdp), LOCAL);
    }

    @Test
    void answersSippStyleOfferWithStaticPayloadTypeAndNoRtpmap() throws Exception {
        SdpAnswer a = negotiator.answer(fixture("sipp-uac-offer.sdp"), LOCAL);
        NegotiatedAudio audio = a.audio();
        assertEquals(AudioCodec.PCMU, audio.codec());
        assertEquals("127.0.0.1", audio.remoteAddress());
        assertEquals(6000, audio.remoteRtpPort());
        assertEquals(6001, audio.remoteRtcpPort(), "RTCP on RTP + 1 without a=rtcp");
        assertEquals(OptionalInt.empty(), audio.telephoneEventPayloadType());
        assertEquals(20, audio.ptime());
        assertEquals(MediaDirection.SENDRECV, audio.direction());
        assertFalse(audio.remoteHold());
        assertEquals("""
                v=0\r
                o=voxplane 1000 1000 IN IP4 10.0.0.5\r
                s=-\r
                c=IN IP4 10.0.0.5\r
                t=0 0\r
                m=audio 20000 RTP/AVP 0\r
                a=rtpmap:0 PCMU/8000\r
                a=ptime:20\r
                a=sendrecv\r
                """, a.sdp().encode());
    }

    @Test
    void answersLinphoneOfferWithFirstOfferedCodecWeSupportAndItsTelephoneEventType() throws Exception {
        SdpAnswer a = negotiator.answer(fixture("linphone-offer.sdp"), LOCAL);
        NegotiatedAudio audio = a.audio();
        assertEquals("PCMU", audio.codec().name(), "opus and speex come first but are not ours");
        assertEquals(0, audio.codec().payloadType());
        assertEquals(OptionalInt.of(100), audio.telephoneEventPayloadType(),
                "telephone-event/8000 (PT 100) matches the 8 kHz codec, not 101 (48 kHz) or 99 (16 kHz)");
        assertEquals(7079, audio.remoteRtcpPort(), "a=rtcp (RFC 3605) wins over RTP + 1");
        MediaDescription m = a.sdp().media().get(0);
        assertEquals(List.of("0", "100"), m.formats());
        assertEquals(Optional.of("0-15"), m.fmtp(100));
        assertEquals("telephone-event", m.rtpmap(100).orElseThrow().encodingName());
        assertTrue(m.attribute("rtcp-mux").isEmpty(), "we do not multiplex RTCP, so we do not answer rtcp-mux");
        assertTrue(m.attribute("candidate").isEmpty());
    }

    @Test
    void dynamicTelephoneEventTakesTheOfferersPayloadTypeNumber() throws Exception {
        SdpAnswer a = answer(offer("m=audio 5000 RTP/AVP 8 96\r\na=rtpmap:96 telephone-event/8000\r\n"
                + "a=fmtp:96 0-16\r\n"));
        assertEquals(AudioCodec.PCMA, a.audio().codec());
        assertEquals(OptionalInt.of(96), a.audio().telephoneEventPayloadType());
        assertEquals(OptionalInt.of(96), a.audio().receiveTelephoneEventPayloadType());
        assertEquals(Optional.of("0-15"), a.sdp().media().get(0).fmtp(96), "we answer the events we handle");
    }

    @Test
    void offerersPreferenceOrderByDefaultOursWhenConfigured() throws Exception {
        String sdp = offer("m=audio 5000 RTP/AVP 9 8 0\r\n");
        assertEquals(AudioCodec.G722, answer(sdp).audio().codec());
        SdpAnswer ours = new SdpNegotiator("-", 1).answer(parse(sdp), LOCAL.withPreference(CodecPreference.LOCAL));
        assertEquals(AudioCodec.PCMU, ours.audio().codec());
    }

    @Test
    void g722IsMatchedAtItsRtpClockRateOf8000() throws Exception {
        SdpAnswer a = answer(offer("m=audio 5000 RTP/AVP 9\r\na=rtpmap:9 G722/8000\r\n"));
        assertEquals(8000, a.audio().codec().clockRate());
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> new SdpNegotiator("-", 1).answer(parse(offer("m=audio 5000 RTP/AVP 96\r\n"
                        + "a=rtpmap:96 G722/16000\r\n")), LOCAL));
        assertEquals(SdpErrorCode.NO_COMMON_CODEC, e.error());
    }

    @Test
    void codecNamesMatchCaseInsensitively() throws Exception {
        SdpAnswer a = answer(offer("m=audio 5000 RTP/AVP 97\r\na=rtpmap:97 pcma/8000\r\n"));
        assertEquals("PCMA", a.audio().codec().name());
        assertEquals(97, a.audio().codec().payloadType());
    }

    @Test
    void ptimeWeSendIsTheOfferersCappedByMaxptimeAndTheAnswerCarriesOurs() throws Exception {
        SdpAnswer a = negotiator.answer(fixture("audio-video-offer.sdp"), LOCAL);
        assertEquals(30, a.audio().ptime());
        assertEquals(OptionalInt.of(20), a.sdp().media().get(0).ptime());
        SdpAnswer capped = new SdpNegotiator("-", 1).answer(parse(offer("m=audio 5000 RTP/AVP 0\r\n"
                + "a=ptime:40\r\na=maxptime:30\r\n")), LOCAL);
        assertEquals(30, capped.audio().ptime());
    }

    @Test
    void videoIsRejectedWithPortZeroAndTheAnswerKeepsLineCountOrderAndTiming() throws Exception {
        SessionDescription offer = fixture("audio-video-offer.sdp");
        SdpAnswer a = negotiator.answer(offer, LOCAL);
        List<MediaDescription> media = a.sdp().media();
        assertEquals(2, media.size());
        assertEquals("audio", media.get(0).media());
        assertEquals(20000, media.get(0).port());
        assertEquals("m=video 0 RTP/AVP 99", "m=" + media.get(1).mediaLine());
        assertEquals(offer.timings(), a.sdp().timings());
        assertEquals(0, a.audio().mediaIndex());
        assertEquals("2001:db8::10", a.audio().remoteAddress(), "IPv6 remote address");
        assertEquals(AudioCodec.G722, a.audio().codec());
        assertEquals(OptionalInt.of(101), a.audio().telephoneEventPayloadType());
    }

    @Test
    void secondAudioStreamAndNonRtpAvpStreamsAreRejected() throws Exception {
        SdpAnswer a = answer(offer("m=audio 5000 RTP/SAVP 0\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:abc\r\n"
                + "m=audio 5002 RTP/AVP 8\r\nm=audio 5004 RTP/AVP 0\r\nm=application 5006 UDP/BFCP *\r\n"));
        List<Integer> ports = a.sdp().media().stream().map(MediaDescription::port).toList();
        assertEquals(List.of(0, 20000, 0, 0), ports);
        assertEquals(1, a.audio().mediaIndex());
        assertEquals(5002, a.audio().remoteRtpPort());
        assertEquals("m=application 0 UDP/BFCP *", "m=" + a.sdp().media().get(3).mediaLine());
    }

    @Test
    void noCommonCodecIs488WithWarning305() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> answer(offer("m=audio 5000 RTP/AVP 18 96\r\na=rtpmap:96 opus/48000/2\r\n")));
        assertEquals(SdpErrorCode.NO_COMMON_CODEC, e.error());
        assertEquals(488, e.statusCode());
        assertEquals("VXSDP-032", e.errorCode());
        assertEquals(Optional.of("305 pbx.example.com \"Incompatible media format\""), e.warning("pbx.example.com"));
        assertTrue(e.getMessage().contains("m=audio 5000 RTP/AVP 18 96"), e.getMessage());
        assertTrue(negotiator.localDescription().isEmpty(), "nothing is recorded on failure");
    }

    @Test
    void onlyTelephoneEventInCommonIsNoCommonCodec() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> answer(offer("m=audio 5000 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000\r\n")));
        assertEquals(SdpErrorCode.NO_COMMON_CODEC, e.error());
    }

    @Test
    void noAudioIs488WithWarning304() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> answer(offer("m=video 5000 RTP/AVP 99\r\na=rtpmap:99 H264/90000\r\n")));
        assertEquals(SdpErrorCode.NO_AUDIO, e.error());
        assertEquals(Optional.of("304 h \"Media type not available\""), e.warning("h"));
        SdpNegotiationException none = assertThrows(SdpNegotiationException.class, () -> answer(offer("")));
        assertEquals(SdpErrorCode.NO_AUDIO, none.error());
        SdpNegotiationException disabled = assertThrows(SdpNegotiationException.class,
                () -> answer(offer("m=audio 0 RTP/AVP 0\r\n")));
        assertEquals(SdpErrorCode.NO_AUDIO, disabled.error());
    }

    @Test
    void audioOnlyOverSecureOrOtherTransportIs488WithWarning302() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> answer(offer("m=audio 5000 UDP/TLS/RTP/SAVPF 0\r\n")));
        assertEquals(SdpErrorCode.UNSUPPORTED_TRANSPORT, e.error());
        assertEquals(Optional.of("302 h \"Incompatible transport protocol\""), e.warning("h"));
    }

    @Test
    void audioWithNonInternetAddressIs488WithWarning301() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class, () -> negotiator.answer(parse(
                "v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=ATM NSAP 47.0005\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n"), LOCAL));
        assertEquals(SdpErrorCode.UNSUPPORTED_ADDRESS, e.error());
        assertEquals(301, e.error().warningCode());
    }

    @Test
    void directionIsAnsweredPerRfc3264Section61() throws Exception {
        assertEquals(MediaDirection.RECVONLY, directionAnswered("sendonly", MediaDirection.SENDRECV));
        assertEquals(MediaDirection.SENDONLY, directionAnswered("recvonly", MediaDirection.SENDRECV));
        assertEquals(MediaDirection.INACTIVE, directionAnswered("inactive", MediaDirection.SENDRECV));
        assertEquals(MediaDirection.SENDRECV, directionAnswered("sendrecv", MediaDirection.SENDRECV));
        assertEquals(MediaDirection.SENDONLY, directionAnswered("sendrecv", MediaDirection.SENDONLY),
                "local policy can hold in the answer");
        assertEquals(MediaDirection.INACTIVE, directionAnswered("sendonly", MediaDirection.SENDONLY));
    }

    private static MediaDirection directionAnswered(String offered, MediaDirection policy) throws Exception {
        SdpAnswer a = new SdpNegotiator("-", 1).answer(parse(offer("m=audio 5000 RTP/AVP 0\r\na=" + offered + "\r\n")),
                LOCAL.withDirection(policy));
        MediaDirection written = a.sdp().media().get(0).direction().orElseThrow();
        assertEquals(written, a.audio().direction());
        return written;
    }

    @Test
    void sessionLevelDirectionAppliesWhenTheStreamHasNone() throws Exception {
        SdpAnswer a = answer("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\na=sendonly\r\n"
                + "m=audio 5000 RTP/AVP 0\r\n");
        assertEquals(MediaDirection.RECVONLY, a.audio().direction());
        assertTrue(a.audio().remoteHold());
    }

    @Test
    void holdAndResumeSequenceOnReOffers() throws Exception {
        String active = "v=0\r\no=peer 7 %d IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\n"
                + "m=audio 5000 RTP/AVP 0 8\r\na=%s\r\n";
        SdpAnswer first = answer(active.formatted(1, "192.0.2.1", "sendrecv"));
        assertFalse(first.audio().remoteHold());
        assertEquals("1000", first.sdp().origin().sessionVersion());

        SdpAnswer held = answer(active.formatted(2, "192.0.2.1", "sendonly"));
        assertTrue(held.audio().remoteHold());
        assertEquals(MediaDirection.RECVONLY, held.audio().direction());
        assertFalse(held.audio().sends());
        assertTrue(held.audio().receives(), "the held side keeps receiving music on hold");
        assertEquals("1001", held.sdp().origin().sessionVersion(), "our SDP changed: version + 1 (s8)");

        SdpAnswer inactive = answer(active.formatted(3, "192.0.2.1", "inactive"));
        assertTrue(inactive.audio().remoteHold());
        assertEquals(MediaDirection.INACTIVE, inactive.audio().direction());
        assertEquals("1002", inactive.sdp().origin().sessionVersion());

        SdpAnswer resumed = answer(active.formatted(4, "192.0.2.1", "sendrecv"));
        assertFalse(resumed.audio().remoteHold());
        assertEquals(MediaDirection.SENDRECV, resumed.audio().direction());
        assertEquals("1003", resumed.sdp().origin().sessionVersion());
        assertEquals(first.sdp().withOrigin(resumed.sdp().origin()), resumed.sdp(),
                "only the version differs from the first answer");
    }

    @Test
    void legacyRfc2543HoldWithZeroAddressMeansDoNotSend() throws Exception {
        SdpAnswer a = answer("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n");
        assertTrue(a.audio().remoteHold());
        assertFalse(a.audio().sends());
        assertEquals(MediaDirection.RECVONLY, a.audio().direction());
        assertEquals("0.0.0.0", a.audio().remoteAddress());
        assertEquals("10.0.0.5", a.sdp().connection().orElseThrow().host(), "we still give our real address");
    }

    @Test
    void unchangedReOfferKeepsOurVersionAsASessionRefresh() throws Exception {
        String sdp = offer("m=audio 5000 RTP/AVP 0\r\n");
        SdpAnswer first = answer(sdp);
        SdpAnswer again = answer(sdp);
        assertEquals(first.sdp(), again.sdp());
    }

    @Test
    void reOfferWithNewCodecSetAndPortIsRenegotiated() throws Exception {
        answer(offer("m=audio 5000 RTP/AVP 0\r\n"));
        SdpAnswer changed = answer("v=0\r\no=peer 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.9\r\nt=0 0\r\n"
                + "m=audio 6020 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n");
        assertEquals(AudioCodec.PCMA, changed.audio().codec());
        assertEquals("192.0.2.9", changed.audio().remoteAddress());
        assertEquals(6020, changed.audio().remoteRtpPort());
        assertEquals(OptionalInt.of(101), changed.audio().telephoneEventPayloadType());
        assertEquals("1001", changed.sdp().origin().sessionVersion());
        assertEquals("1000", changed.sdp().origin().sessionId(), "o= stays the same apart from the version");
    }

    @Test
    void reOfferThatRemovesMediaLinesIs488() throws Exception {
        negotiator.answer(fixture("audio-video-offer.sdp"), LOCAL);
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> answer(offer("m=audio 5000 RTP/AVP 0\r\n")));
        assertEquals(SdpErrorCode.MEDIA_LINES_REMOVED, e.error());
        assertEquals(488, e.statusCode());
        assertEquals(Optional.empty(), e.warning("h"));
    }

    @Test
    void offerListsOurCodecsWithRtpmapsPtimeAndDirection() {
        SessionDescription o = negotiator.offer(LOCAL);
        assertEquals("""
                v=0\r
                o=voxplane 1000 1000 IN IP4 10.0.0.5\r
                s=-\r
                c=IN IP4 10.0.0.5\r
                t=0 0\r
                m=audio 20000 RTP/AVP 0 8 9 101\r
                a=rtpmap:0 PCMU/8000\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:9 G722/8000\r
                a=rtpmap:101 telephone-event/8000\r
                a=fmtp:101 0-15\r
                a=ptime:20\r
                a=sendrecv\r
                """, o.encode());
        assertEquals(o, parse(o.encode()));
    }

    @Test
    void ipv6LocalAddressGivesIp6OriginAndConnection() {
        SessionDescription o = new SdpNegotiator("-", 5).offer(LocalAudio.of("2001:db8::5", 30000));
        assertEquals("IP6", o.origin().addressType());
        assertEquals(new Connection("IN", "IP6", "2001:db8::5"), o.connection().orElseThrow());
    }

    @Test
    void acceptAnswerReadsTheAgreedStream() throws Exception {
        SessionDescription o = negotiator.offer(LOCAL);
        SessionDescription answer = parse("v=0\r\no=far 9 9 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\n"
                + "t=0 0\r\nm=audio 40000 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:30\r\n"
                + "a=rtcp:40011 IN IP4 198.51.100.8\r\n");
        NegotiatedAudio audio = negotiator.acceptAnswer(o, answer);
        assertEquals(AudioCodec.PCMA, audio.codec());
        assertEquals(8, audio.receivePayloadType());
        assertEquals(OptionalInt.of(101), audio.telephoneEventPayloadType());
        assertEquals("198.51.100.7", audio.remoteAddress());
        assertEquals(40000, audio.remoteRtpPort());
        assertEquals("198.51.100.8", audio.remoteRtcpAddress());
        assertEquals(40011, audio.remoteRtcpPort());
        assertEquals(30, audio.ptime());
        assertEquals("10.0.0.5", audio.localAddress());
        assertEquals(20000, audio.localRtpPort());
        assertEquals(MediaDirection.SENDRECV, audio.direction());
        assertEquals(Optional.of(answer), negotiator.remoteDescription());
    }

    @Test
    void acceptAnswerToleratesRenumberedTelephoneEventAndExtraFormats() throws Exception {
        SessionDescription o = negotiator.offer(LOCAL);
        NegotiatedAudio audio = negotiator.acceptAnswer(o, parse(offer("m=audio 40000 RTP/AVP 0 96 18\r\n"
                + "a=rtpmap:96 telephone-event/8000\r\n")));
        assertEquals(AudioCodec.PCMU, audio.codec());
        assertEquals(OptionalInt.of(96), audio.telephoneEventPayloadType(), "we send DTMF with the answer's number");
        assertEquals(OptionalInt.of(101), audio.receiveTelephoneEventPayloadType(), "the peer sends with ours");
    }

    @Test
    void acceptAnswerWithOnlyFormatsNotOfferedFails() {
        SessionDescription o = negotiator.offer(LOCAL.withCodecs(List.of(AudioCodec.PCMA)));
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> negotiator.acceptAnswer(o, parse(offer("m=audio 40000 RTP/AVP 0\r\n"))));
        assertEquals(SdpErrorCode.ANSWER_CODEC_NOT_OFFERED, e.error());
        assertEquals(0, e.statusCode(), "an answer cannot be refused with a response");
    }

    @Test
    void acceptAnswerWithWrongLineCountOrTypeOrRejectedAudioFails() {
        SessionDescription o = negotiator.offer(LOCAL);
        assertEquals(SdpErrorCode.ANSWER_MISMATCH, assertThrows(SdpNegotiationException.class,
                () -> negotiator.acceptAnswer(o, parse(offer("m=audio 4 RTP/AVP 0\r\nm=video 0 RTP/AVP 31\r\n"))))
                .error());
        assertEquals(SdpErrorCode.ANSWER_MISMATCH, assertThrows(SdpNegotiationException.class,
                () -> negotiator.acceptAnswer(o, parse(offer("m=video 4 RTP/AVP 31\r\n")))).error());
        assertEquals(SdpErrorCode.ANSWER_REJECTED_AUDIO, assertThrows(SdpNegotiationException.class,
                () -> negotiator.acceptAnswer(o, parse(offer("m=audio 0 RTP/AVP 0\r\n")))).error());
    }

    @Test
    void ourHoldOfferAndTheRecvonlyAnswer() throws Exception {
        SessionDescription initial = negotiator.offer(LOCAL);
        negotiator.acceptAnswer(initial, parse(offer("m=audio 40000 RTP/AVP 0\r\n")));
        SessionDescription hold = negotiator.offer(LOCAL.withDirection(MediaDirection.SENDONLY));
        assertEquals(Optional.of(MediaDirection.SENDONLY), hold.media().get(0).direction());
        assertEquals("1001", hold.origin().sessionVersion());
        NegotiatedAudio held = negotiator.acceptAnswer(hold, parse(offer("m=audio 40000 RTP/AVP 0\r\na=recvonly\r\n")));
        assertEquals(MediaDirection.SENDONLY, held.direction());
        assertFalse(held.remoteHold());

        SessionDescription resume = negotiator.offer(LOCAL);
        assertEquals("1002", resume.origin().sessionVersion());
        assertEquals(initial.withOrigin(resume.origin()), resume);
        NegotiatedAudio resumed = negotiator.acceptAnswer(resume, parse(offer("m=audio 40000 RTP/AVP 0\r\n")));
        assertEquals(MediaDirection.SENDRECV, resumed.direction());
    }

    @Test
    void reOfferAfterAnsweringAudioAndVideoKeepsBothLinesWithVideoDisabled() throws Exception {
        negotiator.answer(fixture("audio-video-offer.sdp"), LOCAL);
        SessionDescription reOffer = negotiator.offer(LOCAL.withAddress("10.0.0.6", 20002));
        assertEquals(2, reOffer.media().size());
        assertEquals(20002, reOffer.media().get(0).port());
        assertTrue(reOffer.media().get(1).isRejected());
        assertEquals("video", reOffer.media().get(1).media());
        assertEquals("10.0.0.5", reOffer.origin().address(), "o= keeps its first address (s8)");
        assertEquals("10.0.0.6", reOffer.connection().orElseThrow().host());
        assertNotEquals("1000", reOffer.origin().sessionVersion());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void hugeFormatListsAreNegotiatedInLinearWork() throws Exception {
        String formats = IntStream.range(0, 3000).mapToObj(i -> Integer.toString(96 + i % 32))
                .collect(Collectors.joining(" "));
        String rtpmaps = IntStream.range(96, 128).mapToObj(pt -> "a=rtpmap:" + pt + " X" + pt + "/8000\r\n")
                .collect(Collectors.joining());
        String body = offer("m=audio 5000 RTP/AVP " + formats + " 8\r\n" + rtpmaps);
        SdpParser parser = new SdpParser();
        for (int i = 0; i < 200; i++) {
            assertEquals(AudioCodec.PCMA, new SdpNegotiator("-", 1).answer(parser.parse(body), LOCAL).audio().codec());
        }
        SessionDescription ours = negotiator.offer(LOCAL);
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class,
                () -> negotiator.acceptAnswer(ours, parser.parse(body.replace(" 8\r\n", "\r\n"))));
        assertEquals(SdpErrorCode.ANSWER_CODEC_NOT_OFFERED, e.error());
        assertTrue(e.getMessage().length() < 400, "the message abbreviates the m= line");
    }
}
