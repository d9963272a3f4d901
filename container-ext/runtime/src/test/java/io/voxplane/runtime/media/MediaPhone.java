package io.voxplane.runtime.media;

import io.voxplane.sip.AuthValue;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.sip.sdp.MediaDescription;
import io.voxplane.sip.sdp.SdpParser;
import io.voxplane.sip.sdp.SessionDescription;
import io.voxplane.stack.auth.DigestAlgorithm;
import io.voxplane.stack.auth.DigestComputation;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal SIP UAC with an RTP socket for tests of calls with media: sends INVITE (with an SDP
 * offer naming its RTP socket), ACK, re-INVITE, BYE over UDP on loopback; sends and receives RTP
 * (RFC 3550 s5.1 fixed header written by hand) and RFC 4733 telephone-events. One call at a time.
 */
public final class MediaPhone implements AutoCloseable {

    private static final SipParser SIP = SipParser.withDefaults();

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final InetSocketAddress server;
    private final String callId;
    private final String fromTag = "ph" + Long.toHexString(System.nanoTime());
    private String toTag = "";
    private String user = "";
    private int cseq = 1;
    private int inviteCseq;
    private String inviteBranch;
    private InetSocketAddress media;
    private int sequence = 1000;
    private long timestamp = 160_000;
    private final long ssrc = 0x1234ABCDL;

    public MediaPhone(InetSocketAddress server) throws IOException {
        this.server = server;
        this.sip = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sip.setSoTimeout(10_000);
        rtp.setSoTimeout(2_000);
        this.callId = "media-" + System.nanoTime() + "@127.0.0.1";
    }

    public String callId() {
        return callId;
    }

    public int rtpPort() {
        return rtp.getLocalPort();
    }

    /** Where the server's answer said to send RTP. */
    public InetSocketAddress media() {
        return media;
    }

    /** An offer for this phone's RTP socket with the given m= formats and extra attribute lines. */
    public String offer(String formats, String attributes) {
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP " + formats + "\r\n" + attributes;
    }

    /** PCMU and telephone-event 101, sendrecv. */
    public String pcmuOffer() {
        return offer("0 101", "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n"
                + "a=sendrecv\r\n");
    }

    /** Sends an INVITE to {@code target} with {@code sdp} (none when null); returns the final response. */
    public SipResponse invite(String target, String sdp) throws Exception {
        return invite(target, sdp, "");
    }

    /** As {@link #invite(String, String)} with extra header lines (each ending in CRLF). */
    public SipResponse invite(String target, String sdp, String headers) throws Exception {
        this.user = target;
        inviteCseq = cseq;
        inviteBranch = "z9hG4bK-i" + cseq + fromTag;
        send(request("INVITE", cseq, inviteBranch, sdp).replace("Max-Forwards: 70\r\n",
                "Max-Forwards: 70\r\n" + headers));
        SipResponse response = finalResponse("INVITE", cseq);
        if (response.status() / 100 == 2) {
            response.to().tag().ifPresent(tag -> toTag = tag);
            media = mediaOf(response);
        } else {
            // s17.1.1.3: the ACK of a non-2xx answer belongs to the INVITE transaction (same branch)
            String saved = toTag;
            toTag = response.to().tag().orElse("");
            send(request("ACK", inviteCseq, inviteBranch, null));
            toTag = saved;
        }
        return response;
    }

    /**
     * An INVITE that answers a 407 digest challenge (RFC 3261 s22.3, MD5 with qop=auth) as
     * {@code username} with {@code password}; returns the final response to the authorised one.
     */
    public SipResponse inviteAuthenticated(String target, String sdp, String username, String password)
            throws Exception {
        SipResponse challenge = invite(target, sdp);
        if (challenge.status() != 407) {
            return challenge;
        }
        AuthValue chosen = AuthValue.parse(challenge.headerValues("Proxy-Authenticate").stream()
                .filter(v -> !v.contains("SHA-256")).findFirst().orElseThrow());
        String uri = "sip:" + target + "@127.0.0.1:" + server.getPort();
        String realm = chosen.realm().orElseThrow();
        String nonce = chosen.nonce().orElseThrow();
        String cnonce = "c" + System.nanoTime();
        String ha1 = DigestComputation.ha1(DigestAlgorithm.MD5, username, realm, password);
        String response = DigestComputation.response(DigestAlgorithm.MD5, ha1, nonce, "00000001", cnonce, "auth",
                DigestComputation.ha2(DigestAlgorithm.MD5, "INVITE", uri));
        cseq++;
        return invite(target, sdp, "Proxy-Authorization: Digest username=\"" + username + "\", realm=\"" + realm
                + "\", nonce=\"" + nonce + "\", uri=\"" + uri + "\", response=\"" + response
                + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"" + cnonce + "\"\r\n");
    }

    /** ACK for the last INVITE's 2xx (a transaction of its own, s13.2.2.4). */
    public void ack() throws Exception {
        send(request("ACK", inviteCseq, "z9hG4bK-a" + inviteCseq + fromTag, null));
    }

    /** A re-INVITE with {@code sdp}; returns the final response (ACKed when 2xx). */
    public SipResponse reinvite(String sdp) throws Exception {
        cseq++;
        SipResponse response = invite(user, sdp);
        if (response.status() / 100 == 2) {
            ack();
        }
        return response;
    }

    /** A request inside the dialog without body (INFO, MESSAGE, OPTIONS); returns its final response. */
    public SipResponse inDialog(String method) throws Exception {
        cseq++;
        send(request(method, cseq, "z9hG4bK-" + method + cseq + fromTag, null));
        return finalResponse(method, cseq);
    }

    /** BYE; returns its final response. */
    public SipResponse bye() throws Exception {
        cseq++;
        send(request("BYE", cseq, "z9hG4bK-b" + cseq + fromTag, null));
        return finalResponse("BYE", cseq);
    }

    /** The next request from the server (e.g. its BYE), answered 200. */
    public SipRequest nextRequestAnswered() throws Exception {
        while (true) {
            if (receive() instanceof SipRequest request) {
                byte[] ok = SipResponse.replyTo(request, 200).build().toBytes();
                sip.send(new DatagramPacket(ok, ok.length, server));
                return request;
            }
        }
    }

    /** Sends one RTP packet to the server's media address and advances sequence and timestamp. */
    public void sendRtp(int payloadType, byte[] payload, boolean marker) throws IOException {
        sendRtpAt(payloadType, payload, marker, sequence++, timestamp);
        timestamp += payload.length;
    }

    private void sendRtpAt(int payloadType, byte[] payload, boolean marker, int seq, long ts) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80);                                      // V=2, no padding, no extension, CC=0
        b.put((byte) ((marker ? 0x80 : 0) | payloadType));       // M, PT
        b.putShort((short) seq);                                 // sequence number
        b.putInt((int) ts);                                      // timestamp
        b.putInt((int) ssrc);                                    // SSRC
        b.put(payload);
        rtp.send(new DatagramPacket(b.array(), b.position(), media));
    }

    /**
     * Sends one key press as RFC 4733 telephone-events (s2.3): three packets of one event with
     * growing duration, the last three with the E bit, all with the event's start timestamp.
     */
    public void sendDigit(int payloadType, char digit) throws IOException {
        int event = "0123456789*#ABCD".indexOf(digit);
        long start = timestamp;
        for (int i = 0; i < 6; i++) {
            boolean end = i >= 3;
            int duration = Math.min(i, 3) * 160 + 160;
            byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
            sendRtpAt(payloadType, payload, i == 0, sequence++, start);
        }
        timestamp += 640;
    }

    /** The payload of the next RTP packet (the 12-byte header skipped, no CSRC), or null after 2 s. */
    public Rtp receiveRtp() throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            rtp.receive(packet);
        } catch (SocketTimeoutException e) {
            return null;
        }
        byte[] data = packet.getData();
        int cc = data[0] & 0x0F;
        int offset = 12 + 4 * cc;
        return new Rtp(data[1] & 0x7F, ((data[2] & 0xFF) << 8) | (data[3] & 0xFF),
                Arrays.copyOfRange(data, offset, packet.getLength()), (data[1] & 0x80) != 0,
                ByteBuffer.wrap(data, 4, 8).getInt() & 0xFFFFFFFFL, ByteBuffer.wrap(data, 8, 4).getInt() & 0xFFFFFFFFL);
    }

    /** One received RTP packet (header fields read from the fixed header, RFC 3550 s5.1). */
    public record Rtp(int payloadType, int sequence, byte[] payload, boolean marker, long timestamp, long ssrc) {
    }

    private SipResponse finalResponse(String method, int number) throws Exception {
        while (true) {
            SipMessage message = receive();
            if (message instanceof SipResponse response && response.isFinal()
                    && response.cseq().method().equals(method) && response.cseq().number() == number) {
                return response;
            }
        }
    }

    private SipMessage receive() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        sip.receive(packet);
        return SIP.parse(packet.getData(), 0, packet.getLength());
    }

    private String request(String method, int number, String branch, String body) {
        String uri = "sip:" + user + "@127.0.0.1:" + server.getPort();
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + sip.getLocalPort() + ";branch=" + branch + "\r\n"
                + "From: <sip:phone@127.0.0.1>;tag=" + fromTag + "\r\n"
                + "To: <" + uri + ">" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + number + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Contact: <sip:phone@127.0.0.1:" + sip.getLocalPort() + ">\r\n"
                + (body == null ? "" : "Content-Type: application/sdp\r\n")
                + "Content-Length: " + (body == null ? 0 : body.length()) + "\r\n\r\n" + (body == null ? "" : body);
    }

    private void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sip.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** The answer's audio address. */
    private static InetSocketAddress mediaOf(SipResponse response) throws Exception {
        SessionDescription answer = new SdpParser().parse(response.body());
        MediaDescription audio = answer.media().get(0);
        String host = answer.connectionFor(audio).orElseThrow().host();
        return new InetSocketAddress(InetAddress.getByName(host), audio.port());
    }

    /** The answer's SDP text. */
    public static String body(SipResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
    }
}
