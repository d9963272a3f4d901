package io.voxplane.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test messages: the RFC vectors from resources and a few ordinary messages. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] rfc4475(String name) {
        return resource("rfc4475/" + name + ".dat");
    }

    /** An RFC 5118 file with LF converted to CRLF (the archive uses bare LF, see testdata README). */
    static byte[] rfc5118(String name) {
        String s = new String(resource("rfc5118/" + name + ".dat"), StandardCharsets.ISO_8859_1);
        return s.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static final String SDP = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 client.atlanta.example.com
            s=-
            c=IN IP4 192.0.2.101
            t=0 0
            m=audio 49172 RTP/AVP 0 8 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=sendrecv
            """;

    static byte[] invite() {
        byte[] sdp = crlf(SDP);
        String head = """
                INVITE sip:bob@biloxi.example.com SIP/2.0
                Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;rport
                Max-Forwards: 70
                From: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl
                To: Bob <sip:bob@biloxi.example.com>
                Call-ID: 3848276298220188511@atlanta.example.com
                CSeq: 1 INVITE
                Contact: <sip:alice@client.atlanta.example.com;transport=udp>
                Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO
                Supported: replaces, timer
                User-Agent: Voxplane-Test/1.0
                Content-Type: application/sdp
                Content-Length: %d

                """.formatted(sdp.length);
        byte[] h = crlf(head);
        byte[] all = new byte[h.length + sdp.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(sdp, 0, all, h.length, sdp.length);
        return all;
    }

    static byte[] ok200() {
        return crlf("""
                SIP/2.0 200 OK
                Via: SIP/2.0/UDP server10.biloxi.example.com;branch=z9hG4bK4b43c2ff8.1;received=192.0.2.3
                Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101
                From: "Alice" <sip:alice@atlanta.example.com>;tag=9fxced76sl
                To: Bob <sip:bob@biloxi.example.com>;tag=8321234356
                Call-ID: 3848276298220188511@atlanta.example.com
                CSeq: 1 INVITE
                Contact: <sip:bob@192.0.2.4>
                Content-Length: 0

                """);
    }
}
