package io.voxplane.stack.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.voxplane.sip.SipParseException;
import io.voxplane.sip.StreamFramer;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One SIP-over-TCP connection, accepted or outgoing (RFC 3261 s18.3): frames the byte stream by
 * Content-Length with a {@link StreamFramer}, hands each message to the
 * {@link InboundMessageProcessor}, and keeps the connection in the {@link ConnectionTable} while
 * it is open.
 *
 * <p>When the stream cannot be framed any more (bad, negative or repeated Content-Length, a
 * message over the size limit) the error is answered if the framer could build a response, and
 * the connection is closed after that write: nothing after the bad message can be trusted. An
 * {@link IdleStateEvent} from the {@code IdleStateHandler} in front of this handler closes the
 * connection too.
 *
 * <p>One instance per channel; all methods except {@link #flow()} and the accessors run on the
 * channel's event loop.
 */
final class TcpConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(TcpConnectionHandler.class.getName());

    /** A framer that keeps failing without giving up the stream is not trusted beyond this many errors per read. */
    private static final int MAX_ERRORS_PER_READ = 16;

    private final long id;
    private final StreamFramer framer;
    private final UnframedBytes unframed = new UnframedBytes();
    private final InboundMessageProcessor processor;
    private final ConnectionTable table;
    private final TransportCounters counters;
    private final AtomicBoolean opened = new AtomicBoolean();
    private volatile Channel channel;
    private volatile Flow flow;
    private boolean framingLost;

    TcpConnectionHandler(long id, StreamFramer framer, InboundMessageProcessor processor, ConnectionTable table,
            TransportCounters counters) {
        this.id = id;
        this.framer = framer;
        this.processor = processor;
        this.table = table;
        this.counters = counters;
    }

    long id() {
        return id;
    }

    Channel channel() {
        return channel;
    }

    InetSocketAddress remote() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** The flow of this connection; valid once the channel is connected. */
    Flow flow() {
        Flow f = flow;
        if (f == null) {
            f = new Flow(TransportType.TCP, (InetSocketAddress) channel.localAddress(), remote(), id);
            flow = f;
        }
        return f;
    }

    /**
     * Puts the connected channel into the connection table, once (called when the connect
     * completes and again on channel activation, whichever comes first).
     *
     * @return false when the table is full; the connection is then closed
     */
    boolean open() {
        if (opened.get()) {
            return true;
        }
        if (!table.register(this)) {
            counters.connectionsRejected.increment();
            LOG.log(Level.WARNING, () -> TransportErrorCode.TOO_MANY_CONNECTIONS.format(
                    "closing TCP connection with " + channel.remoteAddress() + ": connection limit reached"));
            channel.close();
            return false;
        }
        if (opened.compareAndSet(false, true)) {
            counters.connectionsOpened.increment();
        }
        return true;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.channel = ctx.channel();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open()) {
            ctx.fireChannelActive();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (table.unregister(this) && opened.get()) {
            counters.connectionsClosed.increment();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (framingLost) {
                return;
            }
            byte[] bytes = ByteBufUtil.getBytes(buf);
            unframed.append(bytes, 0, bytes.length);
            framer.append(bytes, 0, bytes.length);
        } finally {
            buf.release();
        }
        drain();
    }

    private void drain() {
        Flow f = flow();
        int errors = 0;
        while (!framingLost) {
            byte[] message;
            try {
                message = framer.next();
            } catch (SipParseException e) {
                ChannelFuture answer = processor.rejectedFraming(e, unframed.toArray(), channel, f);
                if (e.framingLost() || ++errors >= MAX_ERRORS_PER_READ) {
                    loseFraming(answer, e);
                }
                continue;
            }
            unframed.keepLast(framer.buffered());
            if (message == null) {
                return;
            }
            try {
                processor.deliver(processor.parse(message, 0, message.length), f);
            } catch (SipParseException e) {
                ChannelFuture answer = processor.rejected(e, channel, f);
                if (e.framingLost()) {
                    loseFraming(answer, e);
                }
            }
        }
    }

    private void loseFraming(ChannelFuture answer, SipParseException e) {
        framingLost = true;
        LOG.log(Level.DEBUG, () -> "closing TCP connection with " + channel.remoteAddress()
                + ": framing lost (" + e.getMessage() + ")");
        if (answer == null) {
            channel.close();
        } else {
            answer.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            LOG.log(Level.DEBUG, () -> "closing idle TCP connection with " + ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(Level.DEBUG, () -> "TCP connection with " + ctx.channel().remoteAddress() + " failed: " + cause);
        ctx.close();
    }
}
