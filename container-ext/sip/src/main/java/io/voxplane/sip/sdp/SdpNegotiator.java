package io.voxplane.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SDP offer/answer model (RFC 3264) for one audio stream in one SIP session (dialog).
 *
 * <p><b>Answering</b> ({@link #answer}): the answer has exactly as many m= lines as the offer, in
 * the same order, and copies its t= line (s6). The first audio stream over RTP/AVP with an IN IP4
 * or IP6 address and a codec in common is accepted; every other stream (video, a second audio,
 * other transports, streams with no common codec, streams the offer disabled) is rejected with
 * port 0 and the offered format list (s6). The accepted stream lists exactly one voice codec, so
 * both sides use the same one: by default the first offered format that is one of ours
 * ({@link CodecPreference#OFFERER}, s5.1: the offer lists formats by preference), or the first of
 * ours the offer lists ({@link CodecPreference#LOCAL}). Static payload types need no rtpmap
 * (RFC 3551 s6). Dynamic types take the offerer's number (s6.1), and telephone-event (RFC 4733)
 * is echoed with the offerer's number when both support it at the codec's clock rate. The
 * answer's {@code a=ptime} is ours (what we want to receive); we send at the offerer's ptime.
 * No acceptable audio stream throws {@link SdpNegotiationException} with 488 and a Warning code.
 *
 * <p><b>Direction</b> (s6.1): the answer's direction is the offered one reversed, limited by
 * {@link LocalAudio#direction()}: sendonly is answered recvonly, recvonly sendonly, inactive
 * inactive, sendrecv sendrecv (or what local policy allows). A peer's hold (s8.4) is detected from
 * sendonly or inactive, and from the RFC 2543 {@code c=IN IP4 0.0.0.0}, which means neither RTP nor
 * RTCP may be sent: it is treated like sendonly.
 *
 * <p><b>Offering</b> ({@link #offer}) lists our codecs in order with an rtpmap for each (static
 * ones too, which helps peers) and our ptime and direction; a re-offer keeps every m= line of the
 * session (s8: lines are never removed), with the audio one replaced and the others disabled.
 * {@link #acceptAnswer} checks an answer against the offer it answers.
 *
 * <p><b>Versions</b> (s8): our o= line stays the same for the whole session except the version,
 * which grows by one whenever our SDP changes; an unchanged SDP (a session refresh) keeps its
 * version, as s8 allows. Re-offers from the peer may change codecs, ports, addresses and
 * direction; a re-offer with fewer m= lines than the session is refused (488).
 *
 * <p>Not thread-safe: one instance per dialog, used by whatever serialises that dialog's events
 * (the call's mailbox). Glare (an offer arriving while ours is pending) is for the SIP layer (491).
 */
public final class SdpNegotiator {

    private final String username;
    private final long sessionId;
    private long version;
    private Origin origin;
    private SessionDescription lastLocal;
    private SessionDescription lastRemote;

    /**
     * @param username  the o= username; {@code -} when there is none (RFC 4566 s5.2)
     * @param sessionId the o= session id, unique per session on this host (RFC 4566 s5.2 suggests an
     *                  NTP timestamp); the first version is the same number
     */
    public SdpNegotiator(String username, long sessionId) {
        if (username.isEmpty() || username.indexOf(' ') >= 0 || sessionId < 0) {
            throw new IllegalArgumentException("bad o= username '" + username + "' or session id " + sessionId);
        }
        this.username = username;
        this.sessionId = sessionId;
        this.version = sessionId;
    }

    /** The last SDP we sent (offer or answer) in this session. */
    public Optional<SessionDescription> localDescription() {
        return Optional.ofNullable(lastLocal);
    }

    /** The last SDP the peer sent that we accepted (offer or answer). */
    public Optional<SessionDescription> remoteDescription() {
        return Optional.ofNullable(lastRemote);
    }

    /**
     * Answers a remote offer (RFC 3264 s6), initial or re-offer (s8).
     *
     * @throws SdpNegotiationException 488 when no audio stream can be accepted, or when a re-offer
     *                                 removes m= lines; nothing is recorded then
     */
    public SdpAnswer answer(SessionDescription offer, LocalAudio local) throws SdpNegotiationException {
        int sessionLines = lastLocal == null ? 0 : lastLocal.media().size();
        if (offer.media().size() < sessionLines) {
            throw new SdpNegotiationException(SdpErrorCode.MEDIA_LINES_REMOVED, "re-offer has "
                    + offer.media().size() + " m= lines, the session has " + sessionLines + " (RFC 3264 s8)");
        }
        List<MediaDescription> lines = new ArrayList<>(offer.media().size());
        NegotiatedAudio audio = null;
        SdpErrorCode failure = SdpErrorCode.NO_AUDIO;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            if (audio != null || m.isRejected() || !m.isAudio()) {
                lines.add(disabled(m));
                continue;
            }
            Optional<Connection> c = offer.connectionFor(m);
            Selection s = select(m, local);
            if (!isRtpAvp(m.proto())) {
                failure = worst(failure, SdpErrorCode.UNSUPPORTED_TRANSPORT);
            } else if (c.isEmpty() || !c.get().isInternet()) {
                failure = worst(failure, SdpErrorCode.UNSUPPORTED_ADDRESS);
            } else if (s == null) {
                failure = worst(failure, SdpErrorCode.NO_COMMON_CODEC);
            } else {
                boolean legacyHold = c.get().isUnspecified();
                MediaDirection offered = offer.directionOf(m);
                MediaDirection effective = legacyHold ? MediaDirection.of(offered.sends(), false) : offered;
                MediaDirection ours = effective.reversed().intersect(local.direction());
                lines.add(audioLine(local, s.codec, s.telephoneEvent, ours));
                int ptime = sendPtime(m, local.ptime());
                audio = negotiated(i, local.address(), local.rtpPort(), m, c.get(), s.codec, s.codec.payloadType(),
                        s.telephoneEvent.map(AudioCodec::payloadType), s.telephoneEvent.map(AudioCodec::payloadType),
                        ptime, ours, !effective.receives());
                continue;
            }
            lines.add(disabled(m));
        }
        if (audio == null) {
            throw new SdpNegotiationException(failure, describe(failure, offer));
        }
        SessionDescription body = new SessionDescription(originFor(local.address()), "-", Optional.empty(),
                Optional.empty(), List.of(), List.of(), Optional.of(Connection.of(local.address())), List.of(),
                offer.timings(), Optional.empty(), Optional.empty(), List.of(), lines);
        body = stamp(body);
        lastLocal = body;
        lastRemote = offer;
        return new SdpAnswer(body, audio);
    }

    /**
     * An offer for our audio (RFC 3264 s5), initial or re-offer (s8): hold with
     * {@code local.withDirection(SENDONLY)}, resume with SENDRECV, a new port or codec set with the
     * matching {@link LocalAudio}.
     */
    public SessionDescription offer(LocalAudio local) {
        MediaDescription audioLine = audioLine(local, null, Optional.empty(), local.direction());
        List<MediaDescription> lines = new ArrayList<>();
        if (lastLocal == null) {
            lines.add(audioLine);
        } else {
            int audioIndex = audioIndexOf(lastLocal);
            for (int i = 0; i < lastLocal.media().size(); i++) {
                lines.add(i == audioIndex ? audioLine : disabled(lastLocal.media().get(i)));
            }
            if (audioIndex < 0) {
                lines.add(audioLine);
            }
        }
        SessionDescription body = SessionDescription.of(originFor(local.address()),
                Connection.of(local.address()), List.of(), lines);
        body = stamp(body);
        lastLocal = body;
        return body;
    }

    /**
     * Checks the answer to one of our offers (RFC 3264 s6, s7) and reads the agreed audio stream.
     * The answer must have the offer's m= lines in number and media type, and accept an audio
     * stream with at least one voice format the offer listed; the first such format in the
     * answer is used. Further formats the answer adds are allowed (s6.1) and ignored.
     *
     * @throws SdpNegotiationException status 0 (an answer cannot be refused; end the session)
     */
    public NegotiatedAudio acceptAnswer(SessionDescription offer, SessionDescription answer)
            throws SdpNegotiationException {
        if (answer.media().size() != offer.media().size()) {
            throw new SdpNegotiationException(SdpErrorCode.ANSWER_MISMATCH, "answer has " + answer.media().size()
                    + " m= lines, the offer " + offer.media().size() + " (RFC 3264 s6)");
        }
        NegotiatedAudio audio = null;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            if (!o.media().equalsIgnoreCase(a.media())) {
                throw new SdpNegotiationException(SdpErrorCode.ANSWER_MISMATCH, "m= line " + (i + 1) + " is "
                        + o.media() + " in the offer but " + a.media() + " in the answer");
            }
            if (audio == null && !o.isRejected() && !a.isRejected() && o.isAudio()) {
                audio = acceptAudio(i, offer, o, answer, a);
            }
        }
        if (audio == null) {
            throw new SdpNegotiationException(SdpErrorCode.ANSWER_REJECTED_AUDIO,
                    "the answer rejects every offered audio stream");
        }
        lastRemote = answer;
        return audio;
    }

    private NegotiatedAudio acceptAudio(int index, SessionDescription offer, MediaDescription o,
                                        SessionDescription answer, MediaDescription a)
            throws SdpNegotiationException {
        Optional<Connection> c = answer.connectionFor(a);
        if (c.isEmpty() || !c.get().isInternet()) {
            throw new SdpNegotiationException(SdpErrorCode.ANSWER_MISMATCH,
                    "answer's audio has no IN IP4/IP6 connection address");
        }
        Map<Integer, RtpMap> answered = a.rtpMaps();
        OfferedFormats offered = new OfferedFormats(o.rtpMaps());
        AudioCodec codec = null;
        int receivePt = -1;
        for (Map.Entry<Integer, RtpMap> e : answered.entrySet()) {
            RtpMap m = e.getValue();
            if (isTelephoneEvent(m)) {
                continue;
            }
            receivePt = offered.payloadTypeOf(m, e.getKey());
            if (receivePt >= 0) {
                codec = new AudioCodec(m.encodingName(), e.getKey(), m.clockRate(), m.channels(), a.fmtp(e.getKey()));
                break;
            }
        }
        if (codec == null) {
            throw new SdpNegotiationException(SdpErrorCode.ANSWER_CODEC_NOT_OFFERED,
                    "no voice format in the answer's m=" + abbreviate(a.mediaLine()) + " was offered");
        }
        OptionalInt sendTe = OptionalInt.empty();
        OptionalInt receiveTe = OptionalInt.empty();
        for (Map.Entry<Integer, RtpMap> e : answered.entrySet()) {
            RtpMap m = e.getValue();
            if (isTelephoneEvent(m) && m.clockRate() == codec.clockRate() && m.channels() == 1) {
                int offeredPt = offered.payloadTypeOf(m, e.getKey());
                if (offeredPt >= 0) {
                    sendTe = OptionalInt.of(e.getKey());
                    receiveTe = OptionalInt.of(offeredPt);
                }
                break;
            }
        }
        MediaDirection answeredDirection = answer.directionOf(a);
        boolean legacyHold = c.get().isUnspecified();
        MediaDirection effective = legacyHold ? MediaDirection.of(answeredDirection.sends(), false)
                : answeredDirection;
        MediaDirection ours = effective.reversed().intersect(offer.directionOf(o));
        int ptime = sendPtime(a, o.ptime().orElse(LocalAudio.DEFAULT_PTIME));
        String localAddress = offer.connectionFor(o).map(Connection::host).orElse("");
        return negotiated(index, localAddress, o.port(), a, c.get(), codec, receivePt, box(sendTe), box(receiveTe),
                ptime, ours, !effective.receives());
    }

    /** The formats of an offered stream, indexed by number and by format, so that checks stay linear. */
    private static final class OfferedFormats {
        private final Map<Integer, RtpMap> byPayloadType;
        private final Map<String, Integer> byFormat = new HashMap<>();

        OfferedFormats(Map<Integer, RtpMap> maps) {
            this.byPayloadType = maps;
            maps.forEach((pt, m) -> byFormat.putIfAbsent(m.formatKey(), pt));
        }

        /** The number the offer gave this format: the answered number when it maps to it, else any; -1 if none. */
        int payloadTypeOf(RtpMap format, int answeredPt) {
            RtpMap same = byPayloadType.get(answeredPt);
            if (same != null && same.formatKey().equals(format.formatKey())) {
                return answeredPt;
            }
            return byFormat.getOrDefault(format.formatKey(), -1);
        }
    }

    private record Selection(AudioCodec codec, Optional<AudioCodec> telephoneEvent) {
    }

    /** Picks the voice codec and telephone-event for an offered audio stream, or null when none fits. */
    private static Selection select(MediaDescription m, LocalAudio local) {
        Map<Integer, RtpMap> maps = m.rtpMaps();
        AudioCodec chosen = null;
        if (local.preference() == CodecPreference.OFFERER) {
            for (Map.Entry<Integer, RtpMap> e : maps.entrySet()) {
                chosen = voiceCodecFor(local, e.getValue(), e.getKey());
                if (chosen != null) {
                    break;
                }
            }
        } else {
            for (AudioCodec c : local.codecs()) {
                chosen = c.isTelephoneEvent() ? null : offeredAs(c, maps);
                if (chosen != null) {
                    break;
                }
            }
        }
        if (chosen == null) {
            return null;
        }
        Optional<AudioCodec> te = Optional.empty();
        for (AudioCodec c : local.codecs()) {
            if (c.isTelephoneEvent() && c.clockRate() == chosen.clockRate() && te.isEmpty()) {
                te = Optional.ofNullable(offeredAs(c, maps));
            }
        }
        return new Selection(chosen, te);
    }

    /** Our codec renumbered to the first offered payload type that maps to it; null if none. */
    private static AudioCodec offeredAs(AudioCodec c, Map<Integer, RtpMap> maps) {
        for (Map.Entry<Integer, RtpMap> e : maps.entrySet()) {
            if (c.matches(e.getValue())) {
                return c.withPayloadType(e.getKey());
            }
        }
        return null;
    }

    /** Our voice codec for an offered format, renumbered to its payload type; null if none. */
    private static AudioCodec voiceCodecFor(LocalAudio local, RtpMap map, int pt) {
        for (AudioCodec c : local.codecs()) {
            if (!c.isTelephoneEvent() && c.matches(map)) {
                return c.withPayloadType(pt);
            }
        }
        return null;
    }

    private static boolean isTelephoneEvent(RtpMap m) {
        return m.encodingName().equalsIgnoreCase("telephone-event");
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    /**
     * Our audio m= line: the chosen codec (answer) or all our codecs (offer, {@code chosen == null}),
     * each with its rtpmap and fmtp, then ptime and the direction attribute.
     */
    private static MediaDescription audioLine(LocalAudio local, AudioCodec chosen, Optional<AudioCodec> te,
                                              MediaDirection direction) {
        List<AudioCodec> codecs = new ArrayList<>();
        if (chosen == null) {
            codecs.addAll(local.codecs());
        } else {
            codecs.add(chosen);
            te.ifPresent(codecs::add);
        }
        List<String> formats = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        for (AudioCodec c : codecs) {
            formats.add(Integer.toString(c.payloadType()));
            attributes.add(Attribute.of("rtpmap", c.rtpMap().value()));
            c.fmtp().ifPresent(p -> attributes.add(Attribute.of("fmtp", c.payloadType() + " " + p)));
        }
        attributes.add(Attribute.of("ptime", Integer.toString(local.ptime())));
        attributes.add(Attribute.flag(direction.attributeName()));
        return MediaDescription.of("audio", local.rtpPort(), "RTP/AVP", formats, attributes);
    }

    private static NegotiatedAudio negotiated(int index, String localAddress, int localPort, MediaDescription remote,
                                              Connection c, AudioCodec codec, int receivePt,
                                              Optional<Integer> sendTe, Optional<Integer> receiveTe, int ptime,
                                              MediaDirection direction, boolean remoteHold) {
        String remoteAddress = c.host();
        Optional<RtcpAttribute> rtcp = remote.rtcp();
        String rtcpAddress = rtcp.flatMap(RtcpAttribute::address).map(Connection::host).orElse(remoteAddress);
        int rtcpPort = rtcp.map(RtcpAttribute::port).orElse(remote.port() + 1);
        return new NegotiatedAudio(index, localAddress, localPort, remoteAddress, remote.port(), rtcpAddress,
                rtcpPort, codec, receivePt, sendTe.map(OptionalInt::of).orElse(OptionalInt.empty()),
                receiveTe.map(OptionalInt::of).orElse(OptionalInt.empty()), ptime, direction, remoteHold);
    }

    private static Optional<Integer> box(OptionalInt v) {
        return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
    }

    /** The peer's ptime (what it wants to receive), capped by its maxptime, else {@code fallback}. */
    private static int sendPtime(MediaDescription remote, int fallback) {
        int ptime = remote.ptime().orElse(fallback);
        OptionalInt max = remote.maxptime();
        return max.isPresent() && max.getAsInt() < ptime ? max.getAsInt() : ptime;
    }

    /** A disabled copy of a stream: port 0, the same media, proto and formats (RFC 3264 s6, s8.2). */
    private static MediaDescription disabled(MediaDescription m) {
        return MediaDescription.of(m.media(), 0, m.proto(), m.formats(), List.of());
    }

    private static boolean isRtpAvp(String proto) {
        return proto.equalsIgnoreCase("RTP/AVP");
    }

    private static int audioIndexOf(SessionDescription d) {
        for (int i = 0; i < d.media().size(); i++) {
            MediaDescription m = d.media().get(i);
            if (m.isAudio() && !m.isRejected()) {
                return i;
            }
        }
        return -1;
    }

    /** The most specific reason among those seen: no common codec beats address, transport, no audio. */
    private static SdpErrorCode worst(SdpErrorCode seen, SdpErrorCode next) {
        return rank(next) > rank(seen) ? next : seen;
    }

    private static int rank(SdpErrorCode e) {
        return switch (e) {
            case NO_COMMON_CODEC -> 3;
            case UNSUPPORTED_ADDRESS -> 2;
            case UNSUPPORTED_TRANSPORT -> 1;
            default -> 0;
        };
    }

    private static String describe(SdpErrorCode failure, SessionDescription offer) {
        StringBuilder b = new StringBuilder(switch (failure) {
            case NO_COMMON_CODEC -> "no offered audio format is one of ours";
            case UNSUPPORTED_ADDRESS -> "audio offered only with a network or address type other than IN IP4/IP6";
            case UNSUPPORTED_TRANSPORT -> "audio offered only over transports other than RTP/AVP";
            default -> "no audio stream offered";
        });
        b.append(':');
        for (MediaDescription m : offer.media()) {
            b.append(" [m=").append(abbreviate(m.mediaLine())).append(']');
        }
        return b.toString();
    }

    private Origin originFor(String address) {
        if (origin == null) {
            Connection c = Connection.of(address);
            origin = new Origin(username, Long.toString(sessionId), Long.toString(version), c.networkType(),
                    c.addressType(), address);
        }
        return origin;
    }

    /**
     * Gives {@code body} our o= line: the same as before except the version, which grows by one
     * when the rest of the SDP differs from the last one we sent (RFC 3264 s8).
     */
    private SessionDescription stamp(SessionDescription body) {
        SessionDescription same = body.withOrigin(origin);
        if (lastLocal == null || lastLocal.equals(same)) {
            return same;
        }
        version++;
        origin = origin.withSessionVersion(Long.toString(version));
        return body.withOrigin(origin);
    }
}
