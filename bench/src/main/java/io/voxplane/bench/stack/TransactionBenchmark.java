package io.voxplane.bench.stack;

import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import io.voxplane.stack.timer.ManualTimerService;
import io.voxplane.stack.transaction.ClientTransaction;
import io.voxplane.stack.transaction.ClientTransactionListener;
import io.voxplane.stack.transaction.ServerTransaction;
import io.voxplane.stack.transaction.TransactionConfig;
import io.voxplane.stack.transaction.TransactionFailure;
import io.voxplane.stack.transaction.TransactionLayer;
import io.voxplane.stack.transaction.TransactionUser;
import io.voxplane.stack.transport.Flow;
import io.voxplane.stack.transport.MessageSender;
import io.voxplane.stack.transport.Target;
import io.voxplane.stack.transport.TransportType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Whole transactions per second through the transaction layer (RFC 3261 s17, RFC 6026) over UDP,
 * on one thread, without sockets: every operation runs one transaction from its first message to
 * TERMINATED, including the timers it starts (advanced in virtual time) and the table entry.
 *
 * <ul>
 *   <li>{@code serverNonInvite}: BYE in, 200 out, Timer J fires, terminated.</li>
 *   <li>{@code serverInvite}: INVITE in, 180 and 200 out, ACK in (to the TU), Timer L fires.</li>
 *   <li>{@code clientNonInvite}: BYE out, 200 in, Timer K fires.</li>
 * </ul>
 * Messages are parsed once in setup: this measures the transaction layer, not the parser.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransactionBenchmark {

    private static final Duration PAST_EVERY_TIMER = Duration.ofSeconds(40);

    private static final String INVITE = """
            INVITE sip:bob@127.0.0.1:5060 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-bench-invite;rport\r
            Max-Forwards: 70\r
            From: "Alice" <sip:alice@127.0.0.1>;tag=a1\r
            To: <sip:bob@127.0.0.1>\r
            Call-ID: bench-1@127.0.0.1\r
            CSeq: 1 INVITE\r
            Contact: <sip:alice@127.0.0.1:5070>\r
            Content-Length: 0\r
            \r
            """;
    private static final String ACK = """
            ACK sip:bob@127.0.0.1:5060 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-bench-ack;rport\r
            Max-Forwards: 70\r
            From: "Alice" <sip:alice@127.0.0.1>;tag=a1\r
            To: <sip:bob@127.0.0.1>;tag=b1\r
            Call-ID: bench-1@127.0.0.1\r
            CSeq: 1 ACK\r
            Content-Length: 0\r
            \r
            """;
    private static final String BYE = """
            BYE sip:bob@127.0.0.1:5060 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-bench-bye;rport\r
            Max-Forwards: 70\r
            From: "Alice" <sip:alice@127.0.0.1>;tag=a1\r
            To: <sip:bob@127.0.0.1>;tag=b1\r
            Call-ID: bench-1@127.0.0.1\r
            CSeq: 2 BYE\r
            Content-Length: 0\r
            \r
            """;

    private final Flow flow = new Flow(TransportType.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("127.0.0.1", 5070), 0);
    private final Target target = new Target(TransportType.UDP, flow.remote());

    private ManualTimerService timers;
    private TransactionLayer layer;
    private SipRequest invite;
    private SipRequest ack;
    private SipRequest bye;
    private SipResponse ringing;
    private SipResponse inviteOk;
    private SipResponse byeOk;
    private Blackhole blackhole;

    @Setup
    public void setUp(Blackhole bh) throws Exception {
        blackhole = bh;
        SipParser parser = SipParser.withDefaults();
        invite = (SipRequest) parser.parse(INVITE.getBytes(StandardCharsets.US_ASCII));
        ack = (SipRequest) parser.parse(ACK.getBytes(StandardCharsets.US_ASCII));
        bye = (SipRequest) parser.parse(BYE.getBytes(StandardCharsets.US_ASCII));
        ringing = SipResponse.replyTo(invite, 180).to(invite.to().withTag("b1")).build();
        inviteOk = SipResponse.replyTo(invite, 200).to(invite.to().withTag("b1")).build();
        byeOk = SipResponse.replyTo(bye, 200).build();

        CompletableFuture<Flow> sent = CompletableFuture.completedFuture(flow);
        MessageSender sender = new MessageSender() {
            @Override
            public CompletableFuture<Flow> sendRequest(SipRequest request, Target to) {
                blackhole.consume(request);
                return sent;
            }

            @Override
            public CompletableFuture<Flow> sendResponse(SipResponse response, Flow requestFlow) {
                blackhole.consume(response);
                return sent;
            }
        };
        timers = new ManualTimerService();
        layer = new TransactionLayer(sender, timers, TransactionConfig.defaults(), new Answering());
    }

    @Benchmark
    public int serverNonInvite() {
        layer.onMessage(bye, flow);
        return timers.advance(PAST_EVERY_TIMER);
    }

    @Benchmark
    public int serverInvite() {
        layer.onMessage(invite, flow);
        layer.onMessage(ack, flow);
        return timers.advance(PAST_EVERY_TIMER);
    }

    @Benchmark
    public int clientNonInvite() {
        layer.sendRequest(bye, target, Ignoring.INSTANCE);
        layer.onMessage(byeOk, flow);
        return timers.advance(PAST_EVERY_TIMER);
    }

    /** The TU: answers INVITE with 180 and 200, everything else with 200. */
    private final class Answering implements TransactionUser {
        @Override
        public void onRequest(SipRequest request, ServerTransaction transaction) {
            if (request.isInvite()) {
                transaction.respond(ringing);
                transaction.respond(inviteOk);
            } else {
                transaction.respond(byeOk);
            }
        }

        @Override
        public void onAck(SipRequest request, Flow from) {
            blackhole.consume(request);
        }
    }

    private enum Ignoring implements ClientTransactionListener {
        INSTANCE;

        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
        }

        @Override
        public void onFailure(ClientTransaction transaction, TransactionFailure failure) {
        }
    }
}
