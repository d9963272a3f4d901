package io.voxplane.stack.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.voxplane.sip.RawErrorResponse;
import io.voxplane.sip.SipMessage;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.SipParser;
import io.voxplane.sip.SipRequest;
import io.voxplane.sip.SipResponse;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The receive path shared by UDP and TCP, from the bytes of one message to the
 * {@link InboundMessageHandler} (RFC 3261 s18.2.1 for requests, s18.1.2 for responses).
 *
 * <ol>
 *   <li>Parse with {@link SipParser}. A rejected request that the parser could still answer gets
 *       its error response (400 with the reason, 505, 413 ...) written back on the same flow; any
 *       other rejected input is dropped. Both are counted. When the request's own Via, From, To,
 *       Call-ID or CSeq is the broken part, the answer is the parser's
 *       {@link io.voxplane.sip.RawErrorResponse} bytes, sent as they are: over UDP to the address
 *       and port the datagram came from (what RFC 3581 rport gives), over TCP on the same
 *       connection.</li>
 *   <li>Requests: stamp {@code received}/{@code rport} into the top Via ({@link ReceivedViaStamp}).</li>
 *   <li>Responses: optionally discard those whose top Via is not ours ({@link SentByMatcher}).</li>
 *   <li>Deliver. A handler that throws loses that message only; the listener keeps serving.</li>
 * </ol>
 * Runs on event loop threads; holds no per-message state.
 */
final class InboundMessageProcessor {

    private static final System.Logger LOG = System.getLogger(InboundMessageProcessor.class.getName());

    private final SipParser parser;
    private final InboundMessageHandler handler;
    private final TransportCounters counters;
    private volatile SentByMatcher responseFilter;

    InboundMessageProcessor(SipParser parser, InboundMessageHandler handler, TransportCounters counters) {
        this.parser = parser;
        this.handler = handler;
        this.counters = counters;
    }

    /** From now on, responses not matching are discarded (s18.1.2); null delivers all. */
    void discardResponsesNotMatching(SentByMatcher matcher) {
        this.responseFilter = matcher;
    }

    /**
     * Parses one message (a whole datagram, or one framed stream message) and delivers it; a
     * parse error is handled as by {@link #rejected}.
     *
     * @return the write of an error response when one was sent, else null
     */
    ChannelFuture receive(byte[] data, int offset, int length, Channel channel, Flow flow) {
        try {
            deliver(parse(data, offset, length), flow);
            return null;
        } catch (SipParseException e) {
            return rejected(e, channel, flow);
        }
    }

    SipMessage parse(byte[] data, int offset, int length) throws SipParseException {
        return parser.parse(data, offset, length);
    }

    /**
     * Counts a parse or framing error and answers it when the parser built a response.
     *
     * @return the write of the error response, or null when the input was dropped
     */
    ChannelFuture rejected(SipParseException e, Channel channel, Flow flow) {
        counters.parseErrors.increment();
        Optional<SipResponse> answer = e.errorResponse();
        Optional<RawErrorResponse> raw = e.rawErrorResponse();
        if (answer.isEmpty() && raw.isPresent()) {
            LOG.log(Level.DEBUG, () -> "answering bad request from " + flow.remote() + " with raw "
                    + e.statusCode() + " " + e.reasonPhrase() + " (" + e.errorCode() + ")");
            return send(raw.get().bytes(), channel, flow);
        }
        if (answer.isEmpty()) {
            counters.dropped.increment();
            LOG.log(Level.DEBUG, () -> "dropped unparseable input from " + flow.remote() + " on " + flow.transport()
                    + ": " + e.getMessage());
            return null;
        }
        return answer(answer.get(), e, channel, flow);
    }

    private ChannelFuture answer(SipResponse response, SipParseException e, Channel channel, Flow flow) {
        LOG.log(Level.DEBUG, () -> "answering bad request from " + flow.remote() + " with " + response.status()
                + " " + response.reason() + " (" + e.errorCode() + ")");
        return send(response.toBytes(), channel, flow);
    }

    private ChannelFuture send(byte[] wire, Channel channel, Flow flow) {
        counters.answeredWithError.increment();
        ChannelFuture write = ChannelWrites.write(channel, wire, flow.remote());
        write.addListener(f -> {
            if (f.isSuccess()) {
                counters.messagesSent.increment();
            } else {
                counters.sendFailures.increment();
            }
        });
        return write;
    }

    /**
     * Handles a stream framing error. The framer cannot always build the answer itself; then the
     * head of the unframed message is parsed here to answer it with the framer's status and reason
     * (a request whose Via, From, To, Call-ID and CSeq are readable), else it is dropped.
     *
     * @param unframed the bytes the framer had not returned as a message, starting at the bad one
     * @return the write of the error response, or null when nothing was answered
     */
    ChannelFuture rejectedFraming(SipParseException e, byte[] unframed, Channel channel, Flow flow) {
        if (e.errorResponse().isPresent() || e.statusCode() == 0 || !e.isRequest()) {
            return rejected(e, channel, flow);
        }
        SipResponse answer;
        try {
            SipMessage head = parser.parse(unframed, 0, unframed.length);
            answer = head instanceof SipRequest request
                    ? SipResponse.replyTo(request, e.statusCode(), e.reasonPhrase()).build()
                    : null;
        } catch (SipParseException unreadable) {
            // The head alone is often "truncated" to the datagram parser; its headers still make the answer.
            answer = unreadable.errorResponse().map(r -> SipResponse.builder(e.statusCode(), e.reasonPhrase())
                    .vias(r.vias()).from(r.from()).to(r.to()).callId(r.callId()).cseq(r.cseq())
                    .build()).orElse(null);
        } catch (IllegalStateException | IllegalArgumentException unbuildable) {
            answer = null;
        }
        if (answer == null) {
            return rejected(e, channel, flow);
        }
        counters.parseErrors.increment();
        return answer(answer, e, channel, flow);
    }

    /** Stamps, filters and hands one parsed message to the handler. */
    void deliver(SipMessage message, Flow flow) {
        try {
            SipMessage stamped = message;
            if (message instanceof SipRequest request) {
                stamped = ReceivedViaStamp.apply(request, flow.remote());
            } else if (responseFilter != null && !responseFilter.isOurs(message.topVia())) {
                counters.dropped.increment();
                LOG.log(Level.DEBUG, () -> "discarded response not for us (s18.1.2), top Via " + message.topVia());
                return;
            }
            counters.messagesReceived.increment();
            handler.onMessage(stamped, flow);
        } catch (RuntimeException e) {
            // A failing handler (or a Via the model refuses to rebuild) loses this message only.
            counters.dropped.increment();
            LOG.log(Level.WARNING, TransportErrorCode.HANDLER_FAILED.format("message from " + flow.remote()
                    + " on " + flow.transport() + " could not be delivered"), e);
        }
    }
}
