package io.voxplane.bench.sip;

import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and serialize cost of a typical INVITE with SDP (about 800 bytes) and a 200 OK, single thread.
 * Target: at least 500,000 INVITE parses per second on one core (at most 2 us per parse).
 * Smoke run: {@code java -jar bench/target/benchmarks.jar ParserBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {

    static final String SDP = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 client.atlanta.example.com",
            "s=-",
            "c=IN IP4 192.0.2.101",
            "t=0 0",
            "m=audio 49172 RTP/AVP 0 8 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=ptime:20",
            "a=sendrecv",
            "");

    static final String INVITE_HEAD = String.join("\r\n",
            "INVITE sip:bob@biloxi.example.com SIP/2.0",
            "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;rport",
            "Max-Forwards: 70",
            "From: \"Alice\" <sip:alice@atlanta.example.com>;tag=9fxced76sl",
            "To: Bob <sip:bob@biloxi.example.com>",
            "Call-ID: 3848276298220188511@atlanta.example.com",
            "CSeq: 1 INVITE",
            "Contact: <sip:alice@client.atlanta.example.com;transport=udp>",
            "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, UPDATE, INFO, REFER, NOTIFY",
            "Supported: replaces, timer, 100rel",
            "User-Agent: Voxplane-Bench/1.0",
            "Content-Type: application/sdp",
            "Content-Length: ");

    static final String OK = String.join("\r\n",
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP server10.biloxi.example.com;branch=z9hG4bK4b43c2ff8.1;received=192.0.2.3",
            "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101;rport=5060",
            "From: \"Alice\" <sip:alice@atlanta.example.com>;tag=9fxced76sl",
            "To: Bob <sip:bob@biloxi.example.com>;tag=8321234356",
            "Call-ID: 3848276298220188511@atlanta.example.com",
            "CSeq: 1 INVITE",
            "Contact: <sip:bob@192.0.2.4>",
            "Content-Length: 0",
            "",
            "");

    private SipParser parser;
    private byte[] invite;
    private byte[] ok;
    private SipMessage parsedInvite;
    private SipMessage parsedOk;

    @Setup
    public void setup() throws SipParseException {
        parser = SipParser.withDefaults();
        byte[] sdp = SDP.getBytes(StandardCharsets.US_ASCII);
        invite = (INVITE_HEAD + sdp.length + "\r\n\r\n" + SDP).getBytes(StandardCharsets.US_ASCII);
        ok = OK.getBytes(StandardCharsets.US_ASCII);
        parsedInvite = parser.parse(invite);
        parsedOk = parser.parse(ok);
    }

    /** Bytes of the INVITE, for the report. */
    public int inviteSize() {
        return invite.length;
    }

    @Benchmark
    public SipMessage parseInvite() throws SipParseException {
        return parser.parse(invite);
    }

    @Benchmark
    public SipMessage parseOk() throws SipParseException {
        return parser.parse(ok);
    }

    @Benchmark
    public byte[] serializeInvite() {
        return parsedInvite.toBytes();
    }

    @Benchmark
    public byte[] serializeOk() {
        return parsedOk.toBytes();
    }
}
